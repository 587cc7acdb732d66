using HelpBot.AgentDesk.Tests.Infrastructure;
using HelpBot.AgentDesk.Transcripts;
using HelpBot.AgentDesk.Transcripts.Redis;
using HelpBot.Storage.Redis;
using HelpBot.Storage.Redis.Options;
using HelpBot.Testing.Redis;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HelpBot.AgentDesk.Tests;

/// <summary>The transcript contract on <see cref="RedisTranscriptStore"/> against a real redis-server.</summary>
public sealed class RedisTranscriptStoreContractTests : TranscriptStoreContractTests, IClassFixture<RedisServerFixture>, IDisposable
{
    private readonly RedisServerFixture _redis;
    private readonly List<IConnectionMultiplexer> _connections = [];

    public RedisTranscriptStoreContractTests(RedisServerFixture redis) => _redis = redis;

    protected override ITranscriptStore CreateStore(AgentDeskOptions options, object? shared = null)
    {
        // Each store has its own connection, as two bot instances would.
        var redisOptions = new RedisStorageOptions { KeyPrefix = (shared as string) ?? "contract:" };
        var connection = ConnectionMultiplexer.Connect(_redis.ConnectionString);
        _connections.Add(connection);
        var storage = new RedisStorage(connection, Options.Create(redisOptions), NullLogger<RedisStorage>.Instance);
        return new RedisTranscriptStore(connection, storage, Options.Create(redisOptions), Options.Create(options), new RecordingLogger<RedisTranscriptStore>());
    }

    protected override object NewSharedBackend() => "shared-" + Guid.NewGuid().ToString("N") + ":";

    public void Dispose()
    {
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }
    }
}
