using HelpBot.AgentDesk.Storage;
using HelpBot.Storage.Redis;
using HelpBot.Storage.Redis.Errors;
using HelpBot.Storage.Redis.Options;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using StackExchange.Redis;

namespace HelpBot.AgentDesk.Transcripts;

/// <summary>
/// Transcripts in Redis: one LIST per conversation, <c>{Redis:KeyPrefix}transcript:{channelId}/{conversationId}</c>
/// (both escaped as storage keys are, so user input never forms a cluster hash tag), one element per turn in
/// <see cref="TranscriptTurnCodec"/>'s compact format. A turn is appended with one script on that one key (RPUSH,
/// LTRIM to the newest <see cref="AgentDeskOptions.MaxTranscriptTurns"/> turns, PEXPIRE with the <c>transcripts/</c>
/// retention rule): one round trip, no read, nothing re-serialised, and safe on a cluster. Reading decodes every
/// element (an element that cannot be decoded is skipped with a warning) after the activities of the IStorage item
/// <c>transcripts/{channelId}/{conversationId}</c> that <see cref="StorageTranscriptStore"/> wrote before this store
/// existed, so an upgrade loses nothing.
/// </summary>
public sealed class RedisTranscriptStore : ITranscriptStore
{
    private const string KeySegment = "transcript:";

    // KEYS[1] the list. ARGV: [1] the turn's element, [2] turns kept, [3] TTL in ms ('0': none).
    private const string AppendScript = """
        redis.call('RPUSH', KEYS[1], ARGV[1])
        redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
        local ttl = tonumber(ARGV[3])
        if ttl > 0 then
          redis.call('PEXPIRE', KEYS[1], ttl)
        else
          redis.call('PERSIST', KEYS[1])
        end
        return 1
        """;

    private readonly IConnectionMultiplexer _connection;
    private readonly IStorage _storage;
    private readonly RedisKeyLayout _layout;
    private readonly string _prefix;
    private readonly int _maxTurns;
    private readonly ILogger<RedisTranscriptStore> _logger;

    public RedisTranscriptStore(
        IConnectionMultiplexer connection,
        IStorage storage,
        IOptions<RedisStorageOptions> redisOptions,
        IOptions<AgentDeskOptions> deskOptions,
        ILogger<RedisTranscriptStore> logger)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(redisOptions);
        ArgumentNullException.ThrowIfNull(deskOptions);
        ArgumentNullException.ThrowIfNull(logger);
        _connection = connection;
        _storage = storage;
        _layout = new RedisKeyLayout(redisOptions.Value);
        _prefix = redisOptions.Value.KeyPrefix ?? string.Empty;
        _maxTurns = Math.Max(1, deskOptions.Value.MaxTranscriptTurns);
        _logger = logger;
    }

    /// <summary>The Redis list that holds a conversation's turns.</summary>
    public RedisKey KeyFor(string channelId, string conversationId) =>
        _prefix + KeySegment + RedisKeyLayout.Escape(channelId) + "/" + RedisKeyLayout.Escape(conversationId);

    /// <summary>The list's time-to-live: the retention rule of the <c>transcripts/</c> storage keys (zero: none).</summary>
    public TimeSpan TimeToLive(string channelId, string conversationId) =>
        _layout.TimeToLive(StorageTranscriptStore.KeyFor(channelId, conversationId));

    public async Task AppendAsync(string channelId, string conversationId, IReadOnlyList<JObject> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        cancellationToken.ThrowIfCancellationRequested();
        if (activities.Count == 0)
        {
            return;
        }

        var element = TranscriptTurnCodec.Encode(channelId, conversationId, activities);
        var ttl = TimeToLive(channelId, conversationId);
        var ttlMilliseconds = ttl > TimeSpan.Zero ? (long)Math.Ceiling(ttl.TotalMilliseconds) : 0L;
        await RunAsync(
            "transcript append",
            _connection.GetDatabase().ScriptEvaluateAsync(AppendScript, [KeyFor(channelId, conversationId)], [element, _maxTurns, ttlMilliseconds]),
            cancellationToken);
    }

    public async Task<IReadOnlyList<JObject>> ReadAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var earlier = StorageItems.ReadAsync<TranscriptItem>(_storage, StorageTranscriptStore.KeyFor(channelId, conversationId), cancellationToken);
        var turns = RunAsync("transcript read", _connection.GetDatabase().ListRangeAsync(KeyFor(channelId, conversationId)), cancellationToken);
        try
        {
            await Task.WhenAll(earlier, turns);
        }
        catch (RedisStorageException ex)
        {
            _logger.LogWarning(ex, "Could not read the transcript of conversation {ConversationId}", conversationId);
            throw;
        }

        var activities = new List<JObject>((await earlier)?.Activities ?? []);
        var elements = await turns;
        for (var i = 0; i < elements.Length; i++)
        {
            try
            {
                activities.AddRange(TranscriptTurnCodec.Decode(channelId, conversationId, ((byte[]?)elements[i]) ?? []));
            }
            catch (InvalidDataException ex)
            {
                _logger.LogWarning(ex, "Skipped turn {Index} of {Count} in the transcript of conversation {ConversationId}: it cannot be decoded", i + 1, elements.Length, conversationId);
            }
        }

        return TranscriptActivities.InTimeOrder(activities);
    }

    public async Task<string> ExportAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        TranscriptActivities.ToTranscriptFile(await ReadAsync(channelId, conversationId, cancellationToken));

    private static async Task<T> RunAsync<T>(string operation, Task<T> work, CancellationToken cancellationToken)
    {
        try
        {
            return await work.WaitAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is RedisException or RedisTimeoutException)
        {
            // Same exception as the storage's, so callers (the desk's 503) treat both alike.
            throw new RedisStorageException(operation, 1, exception);
        }
    }
}
