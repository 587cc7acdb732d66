using HelpBot.Storage.Redis;
using HelpBot.Storage.Redis.DependencyInjection;
using HelpBot.Storage.Redis.Options;
using HelpBot.Storage.Tests.Items;
using HelpBot.Testing.Redis;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HelpBot.Storage.Tests.Redis;

public sealed class RedisStorageRegistrationTests : IClassFixture<RedisServerFixture>
{
    private readonly RedisServerFixture _redis;

    public RedisStorageRegistrationTests(RedisServerFixture redis)
    {
        _redis = redis;
    }

    [Fact]
    public async Task AddBotStorage_with_a_connection_string_registers_redis_storage_options_and_health_check()
    {
        var prefix = $"di-{Guid.NewGuid():N}:";
        await using var provider = Build(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = _redis.ConnectionString,
            ["Redis:KeyPrefix"] = prefix,
            ["Redis:ConversationStateTtl"] = "1.00:00:00",
            ["Redis:OperationTimeout"] = "00:00:03",
            ["Redis:RetentionRules:0:KeyPrefix"] = "cases/",
            ["Redis:RetentionRules:1:KeyPrefix"] = "transcripts/",
            ["Redis:RetentionRules:1:Ttl"] = "30.00:00:00",
        });

        var storage = Assert.IsType<RedisStorage>(provider.GetRequiredService<IStorage>());
        var options = provider.GetRequiredService<IOptions<RedisStorageOptions>>().Value;
        var connection = provider.GetRequiredService<IConnectionMultiplexer>();
        await storage.WriteAsync(new Dictionary<string, object> { ["cases/1"] = new PocoItem { Id = "case" } });
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(prefix, options.KeyPrefix);
        Assert.Equal(TimeSpan.FromDays(1), options.ConversationStateTtl);
        Assert.Equal(TimeSpan.FromDays(90), storage.Layout.TimeToLive("cases/1"));
        Assert.Equal(TimeSpan.FromDays(30), storage.Layout.TimeToLive("transcripts/1"));
        Assert.Equal(TimeSpan.FromDays(1), storage.Layout.TimeToLive("webchat/conversations/1/"));
        Assert.Equal(3000, connection.TimeoutMilliseconds);
        Assert.Same(connection, provider.GetRequiredService<IConnectionMultiplexer>());
        Assert.True(await connection.GetDatabase().KeyExistsAsync(prefix + "cases/1"));
        var entry = Assert.Contains(RedisStorageServiceCollectionExtensions.HealthCheckName, report.Entries);
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Contains(RedisStorageServiceCollectionExtensions.ReadinessTag, entry.Tags);
    }

    [Fact]
    public async Task AddBotStorage_without_a_connection_string_uses_memory_storage()
    {
        await using var provider = Build([]);

        Assert.IsType<MemoryStorage>(provider.GetRequiredService<IStorage>());
        Assert.Null(provider.GetService<IConnectionMultiplexer>());
    }

    [Fact]
    public void AddRedisStorage_without_a_connection_string_says_what_is_missing()
    {
        var configuration = new ConfigurationBuilder().Build();

        var exception = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddRedisStorage(configuration));

        Assert.Contains("ConnectionStrings:Redis", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storage_resolves_while_redis_is_unreachable_and_health_reports_unhealthy()
    {
        // A port nobody listens on: the app must still start.
        await using var provider = Build(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = $"127.0.0.1:{UnusedPort()}",
            ["Redis:ConnectTimeout"] = "00:00:01",
            ["Redis:OperationTimeout"] = "00:00:01",
        });

        var storage = provider.GetRequiredService<IStorage>();
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.IsType<RedisStorage>(storage);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries[RedisStorageServiceCollectionExtensions.HealthCheckName].Status);
    }

    [Fact]
    public async Task Invalid_options_are_reported_on_first_use()
    {
        await using var provider = Build(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = _redis.ConnectionString,
            ["Redis:OperationTimeout"] = "00:00:00",
        });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RedisStorageOptions>>().Value);

        Assert.Contains("OperationTimeout", exception.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddBotStorage(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static int UnusedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
