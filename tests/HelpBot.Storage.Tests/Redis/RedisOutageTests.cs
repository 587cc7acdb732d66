using HelpBot.Storage.Redis;
using HelpBot.Storage.Redis.Errors;
using HelpBot.Storage.Redis.Health;
using HelpBot.Storage.Tests.Items;
using HelpBot.Storage.Tests.Support;
using HelpBot.Testing.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace HelpBot.Storage.Tests.Redis;

/// <summary>Redis going away and coming back, on a server of its own (the class fixture) so no other test sees it.</summary>
public sealed class RedisOutageTests : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    // Generous: how long StackExchange.Redis may take to notice the server is back; not a speed requirement.
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(90);

    private readonly RedisServerFixture _redis;
    private readonly RedisStorageFactory _factory;

    public RedisOutageTests(RedisServerFixture redis)
    {
        _redis = redis;
        _factory = new RedisStorageFactory(redis.ConnectionString);
    }

    [Fact]
    public async Task Operations_fail_clearly_while_redis_is_down_and_work_again_on_the_same_connection_after()
    {
        var options = RedisStorageFactory.NewOptions();
        var connection = _factory.Connect(options);
        var logger = new ListLogger<RedisStorage>();
        var storage = new RedisStorage(connection, Microsoft.Extensions.Options.Options.Create(options), logger);
        var health = new RedisHealthCheck(connection);
        await storage.WriteAsync(new Dictionary<string, object> { ["before"] = new PocoItem { Id = "before" } });
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(health)).Status);

        try
        {
            await _redis.StopAsync();

            var writeFailure = await Assert.ThrowsAsync<RedisStorageException>(() => storage.WriteAsync(new Dictionary<string, object>
            {
                ["during-1"] = new PocoItem(),
                ["during-2"] = new PocoItem(),
            }));
            var readFailure = await Assert.ThrowsAsync<RedisStorageException>(() => storage.ReadAsync(["before"]));
            var unhealthy = await CheckAsync(health);

            Assert.Equal(("write", 2), (writeFailure.Operation, writeFailure.KeyCount));
            Assert.Contains("Redis storage write of 2 key(s)", writeFailure.Message, StringComparison.Ordinal);
            Assert.NotNull(writeFailure.InnerException);
            Assert.Equal("read", readFailure.Operation);
            Assert.Equal(HealthStatus.Unhealthy, unhealthy.Status);
            Assert.Contains(logger.Entries, entry => entry.Level == LogLevel.Error
                && entry.Message.Contains("Redis storage write of 2 key(s) failed", StringComparison.Ordinal));
            Assert.Contains(logger.Entries, entry => entry.Level == LogLevel.Error
                && entry.Message.Contains("Redis storage read of 1 key(s) failed", StringComparison.Ordinal));
        }
        finally
        {
            await _redis.StartAsync();
        }

        await WaitUntilHealthyAsync(health);
        await storage.WriteAsync(new Dictionary<string, object> { ["after"] = new PocoItem { Id = "after" } });

        Assert.Equal("after", Assert.IsType<PocoItem>((await storage.ReadAsync(["after"]))["after"]).Id);
        Assert.Empty(await storage.ReadAsync(["before"])); // the restarted test server keeps no data
    }

    private static Task<HealthCheckResult> CheckAsync(RedisHealthCheck health) =>
        health.CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("redis", health, HealthStatus.Unhealthy, null),
        });

    private static async Task WaitUntilHealthyAsync(RedisHealthCheck health)
    {
        var deadline = DateTime.UtcNow + RecoveryLimit;
        HealthCheckResult result;
        while ((result = await CheckAsync(health)).Status != HealthStatus.Healthy)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Redis connection did not recover: {result.Description}");
            await Task.Delay(100);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}
