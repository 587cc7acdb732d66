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
    public async Task A_turn_that_failed_on_redis_gets_its_apology_without_waiting_for_the_transcript()
    {
        // The turn lock gave up after Redis:OperationTimeout; the transcript append would hang just as long (here: for
        // ever), and the apology is only sent once the middleware lets the exception through.
        var store = new HangingTranscriptStore();
        var adapter = new TestAdapter(TestAdapter.CreateConversation("redis-down"));
        adapter.Use(new PerTurnTranscriptMiddleware(store, TimeProvider.System, NullLogger<PerTurnTranscriptMiddleware>.Instance));
        adapter.OnTurnError = (context, _) => context.SendActivityAsync("sorry, try again");

        await new TestFlow(adapter, (_, _) => throw new RedisStorageException("lock", 1, new TimeoutException("Redis did not answer within Redis:OperationTimeout")))
            .Send("hello").AssertReply("sorry, try again")
            .StartTestAsync()
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, store.Commits);
    }

    [Fact]
    public async Task A_turn_that_failed_for_another_reason_is_still_recorded()
    {
        var store = new HangingTranscriptStore(hang: false);
        var adapter = new TestAdapter(TestAdapter.CreateConversation("bug"));
        adapter.Use(new PerTurnTranscriptMiddleware(store, TimeProvider.System, NullLogger<PerTurnTranscriptMiddleware>.Instance));
        adapter.OnTurnError = (context, _) => context.SendActivityAsync("sorry");

        await new TestFlow(adapter, (_, _) => throw new InvalidOperationException("a bug"))
            .Send("hello").AssertReply("sorry")
            .StartTestAsync()
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, store.Commits);
    }

    /// <summary>A transcript store whose appends never finish, as with a Redis that does not answer.</summary>
    private sealed class HangingTranscriptStore(bool hang = true) : ITranscriptStore
    {
        private readonly bool _hang = hang;
        private int _commits;

        public int Commits => _commits;

        public ITranscriptTurn BeginTurn(string channelId, string conversationId) => new Turn(this);

        public Task AppendAsync(string channelId, string conversationId, IReadOnlyList<Newtonsoft.Json.Linq.JObject> activities, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<Newtonsoft.Json.Linq.JObject>> ReadAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<string> ExportAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        private sealed class Turn(HangingTranscriptStore owner) : ITranscriptTurn
        {
            public int Count { get; private set; }

            public void Record(Microsoft.Bot.Schema.IActivity activity, string? id, DateTimeOffset now) => Count++;

            public Task CommitAsync(CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref owner._commits);
                return owner._hang ? new TaskCompletionSource().Task : Task.CompletedTask;
            }
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
