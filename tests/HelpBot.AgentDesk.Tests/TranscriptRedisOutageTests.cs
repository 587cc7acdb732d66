using System.Net;
using HelpBot.AgentDesk.Tests.Infrastructure;
using HelpBot.AgentDesk.Transcripts;
using HelpBot.AgentDesk.Transcripts.Redis;
using HelpBot.Storage.Redis;
using HelpBot.Storage.Redis.Errors;
using HelpBot.Storage.Redis.Options;
using HelpBot.Testing.Redis;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HelpBot.AgentDesk.Tests;

/// <summary>Redis down: a turn still gets its answer (the failed append is logged) and the desk's transcript answers 503.</summary>
public sealed class TranscriptRedisOutageTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task The_customers_turn_is_answered_when_its_transcript_cannot_be_written()
    {
        var redisOptions = new RedisStorageOptions { KeyPrefix = "outage:", OperationTimeout = TimeSpan.FromSeconds(1), ConnectTimeout = TimeSpan.FromSeconds(1) };
        using var connection = RedisConnectionFactory.Connect(redis.ConnectionString, redisOptions);
        var storage = new RedisStorage(connection, Options.Create(redisOptions), NullLogger<RedisStorage>.Instance);
        var store = new RedisTranscriptStore(connection, storage, Options.Create(redisOptions), Options.Create(new AgentDeskOptions()), NullLogger<RedisTranscriptStore>.Instance);
        var log = new RecordingLogger<PerTurnTranscriptMiddleware>();
        var adapter = new TestAdapter(TestAdapter.CreateConversation("outage"));
        adapter.Use(new PerTurnTranscriptMiddleware(store, TimeProvider.System, log));

        await redis.StopAsync();
        try
        {
            await new TestFlow(adapter, (context, ct) => context.SendActivityAsync("still here", cancellationToken: ct))
                .Send("hello").AssertReply("still here")
                .StartTestAsync();

            var error = Assert.Single(log.Entries, e => e.Level == LogLevel.Error);
            Assert.IsType<RedisStorageException>(error.Exception);
            await Assert.ThrowsAsync<RedisStorageException>(() => store.ReadAsync("test", "outage", CancellationToken.None));
        }
        finally
        {
            await redis.StartAsync();
        }
    }

    [Fact]
    public async Task The_desk_transcript_answers_503_while_redis_is_down()
    {
        await using var channel = await ChannelRecorder.StartAsync();
        await using var server = await DeskServer.StartAsync(channel.BaseUrl, new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Redis:KeyPrefix"] = "outage-desk:",
            ["Redis:OperationTimeout"] = "00:00:01",
        });
        Assert.IsType<RedisTranscriptStore>(server.Services.GetService(typeof(ITranscriptStore)));

        await redis.StopAsync();
        try
        {
            using var response = await server.Agent.GetAsync("/api/agent/escalations/HB261124000001/transcript");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("error", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await redis.StartAsync();
        }
    }
}
