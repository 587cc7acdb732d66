using System.Net;
using HelpBot.Scale.Tests.Infrastructure;
using StackExchange.Redis;

namespace HelpBot.Scale.Tests;

/// <summary>
/// Redis stopping, or answering too slowly, under a running HelpBot process: every turn still gets an answer (an
/// apology in the customer's language, never a 500), readiness reports it, and service resumes by itself.
/// </summary>
public sealed class RedisOutageOverHttpTests : IClassFixture<OneInstanceWithOwnRedis>, IAsyncLifetime
{
    private readonly OneInstanceWithOwnRedis _cluster;

    public RedisOutageOverHttpTests(OneInstanceWithOwnRedis cluster)
    {
        _cluster = cluster;
    }

    private BotProcess Bot => _cluster[0];

    public async Task InitializeAsync()
    {
        // Whatever an earlier test did, start from a running Redis and a ready instance.
        await _cluster.Redis.StartAsync();
        await _cluster.WaitUntilReadyAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task While_redis_is_down_each_turn_gets_an_apology_and_readiness_fails_then_service_resumes()
    {
        var conversation = "outage-" + Guid.NewGuid().ToString("N");
        var orders = await Bot.SayAsync(conversation, "查订单");
        Assert.Contains("2611240000000002", orders, StringComparison.Ordinal);

        try
        {
            await _cluster.Redis.StopAsync();

            var chinese = await Bot.SendAsync(conversation, "2611240000000002");
            var english = await Bot.SendAsync(conversation, "check my order", "en-US");
            var readiness = await WaitForReadinessAsync(HttpStatusCode.ServiceUnavailable);
            using var liveness = await Bot.Http.GetAsync("/healthz");

            Assert.Equal(HttpStatusCode.OK, chinese.Status);
            Assert.Equal([Apology.Chinese], chinese.Texts);
            Assert.Equal(HttpStatusCode.OK, english.Status);
            Assert.Equal([Apology.English], english.Texts);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, readiness);
            Assert.Equal(HttpStatusCode.OK, liveness.StatusCode);
        }
        finally
        {
            await _cluster.Redis.StartAsync();
        }

        await _cluster.WaitUntilReadyAsync();

        // The test server comes back empty, so the conversation starts over; it works again without a restart.
        var again = await Bot.SayAsync(conversation, "查订单");
        var status = await Bot.SayAsync(conversation, "2611240000000002");
        Assert.Contains("2611240000000002", again, StringComparison.Ordinal);
        Assert.Contains("商家准备中", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_redis_answers_slower_than_the_operation_timeout_the_turn_gets_an_apology_and_a_clear_log_line()
    {
        var conversation = "slow-" + Guid.NewGuid().ToString("N");
        await Bot.SayAsync(conversation, "查订单");

        // CLIENT PAUSE holds every client's commands on the server for 8 s, three times the instances' 2 s
        // Redis:OperationTimeout.
        await using (var admin = await ConnectionMultiplexer.ConnectAsync($"{_cluster.Redis.ConnectionString},allowAdmin=true"))
        {
            await admin.GetDatabase().ExecuteAsync("CLIENT", "PAUSE", "8000", "ALL");
        }

        var answer = await Bot.SendAsync(conversation, "2611240000000002");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal([Apology.Chinese], answer.Texts);
        await WaitForOutputAsync("Redis:OperationTimeout");

        await _cluster.WaitUntilReadyAsync();
        var status = await Bot.SayAsync(conversation, "2611240000000002");
        Assert.Contains("商家准备中", status, StringComparison.Ordinal);
    }

    private async Task<HttpStatusCode> WaitForReadinessAsync(HttpStatusCode expected)
    {
        // The instance notices the closed connection right away; this only absorbs that moment.
        var deadline = DateTime.UtcNow + BotCluster.RecoveryLimit;
        HttpStatusCode status;
        while ((status = await Bot.ReadinessAsync()) != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return status;
    }

    private async Task WaitForOutputAsync(string fragment)
    {
        // Console logging is asynchronous: the line may reach stdout a moment after the response.
        var deadline = DateTime.UtcNow + BotCluster.RecoveryLimit;
        while (!Bot.Output.Contains(fragment, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The log never mentioned {fragment}. Output:{Environment.NewLine}{Bot.Output}");
            await Task.Delay(100);
        }
    }
}
