using HelpBot.AgentDesk.Storage;
using HelpBot.Storage.Redis;
using HelpBot.Storage.Redis.Errors;
using HelpBot.Storage.Redis.Options;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using StackExchange.Redis;

namespace HelpBot.AgentDesk.Transcripts.Redis;

/// <summary>
/// Transcripts in Redis: one LIST per conversation, <c>{Redis:KeyPrefix}transcript:{channelId}/{conversationId}</c>
/// (both escaped as storage keys are, so user input never forms a cluster hash tag), in
/// <see cref="TranscriptFormat"/>'s compact format: the conversation's header (service URL, accounts, locale) once
/// as the first element, then one element per turn. A turn is appended by one script on that one key (one round trip,
/// no read by the caller, nothing re-serialised, safe on a cluster): RPUSH, LTRIM to the newest
/// <see cref="AgentDeskOptions.MaxTranscriptTurns"/> turns (the header stays), PEXPIRE with the retention of the
/// <c>transcripts/</c> storage keys (<c>Redis:RetentionRules</c>; without a rule, the conversation state's TTL).
/// Reading decodes every element (one that cannot be decoded is skipped with a warning) after the activities of the
/// IStorage item <c>transcripts/{channelId}/{conversationId}</c> that <see cref="StorageTranscriptStore"/> wrote before
/// this store existed, so an upgrade loses nothing.
/// </summary>
public sealed class RedisTranscriptStore : ITranscriptStore
{
    private const string KeySegment = "transcript:";

    // KEYS[1] the list. ARGV: [1] the turn's header element, [2] its turn element, [3] the prefix of a self-contained
    // element, [4] turns kept, [5] TTL in ms ('0': none). The header is compared inside Redis: when the list's first
    // element is the same header (the usual case) only the turn is pushed; a new list gets the header first; a turn
    // whose header differs (another locale or service URL) is pushed with its own header.
    private const string AppendScript = """
        local key = KEYS[1]
        local length
        if redis.call('LINDEX', key, 0) == ARGV[1] then
          length = redis.call('RPUSH', key, ARGV[2])
        elseif redis.call('EXISTS', key) == 0 then
          length = redis.call('RPUSH', key, ARGV[1], ARGV[2])
        else
          length = redis.call('RPUSH', key, ARGV[3] .. ARGV[1] .. ARGV[2])
        end
        local keep = tonumber(ARGV[4])
        if length > keep + 1 then
          local header = redis.call('LPOP', key)
          redis.call('LTRIM', key, -keep, -1)
          redis.call('LPUSH', key, header)
        end
        local ttl = tonumber(ARGV[5])
        if ttl > 0 then
          redis.call('PEXPIRE', key, ttl)
        else
          redis.call('PERSIST', key)
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

        var (header, turn) = TranscriptFormat.Encode(channelId, conversationId, activities);
        await AppendElementsAsync(channelId, conversationId, header, turn, cancellationToken);
    }

    /// <summary>A turn recorded as activity snapshots, encoded into its list element when it is committed.</summary>
    public ITranscriptTurn BeginTurn(string channelId, string conversationId) => new SnapshotTranscriptTurn(this, channelId, conversationId);

    private async Task AppendElementsAsync(string channelId, string conversationId, byte[] header, byte[] turn, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var ttl = TimeToLive(channelId, conversationId);
        var ttlMilliseconds = ttl > TimeSpan.Zero ? (long)Math.Ceiling(ttl.TotalMilliseconds) : 0L;
        await RunAsync(
            "transcript append",
            _connection.GetDatabase().ScriptEvaluateAsync(
                AppendScript,
                [KeyFor(channelId, conversationId)],
                [header, turn, TranscriptFormat.SelfContainedPrefix(header.Length), _maxTurns, ttlMilliseconds]),
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
        JObject? header = null;
        for (var i = 0; i < elements.Length; i++)
        {
            var element = (byte[]?)elements[i] ?? [];
            try
            {
                if (i == 0 && TranscriptFormat.IsHeader(element))
                {
                    header = TranscriptFormat.DecodeHeader(element);
                }
                else
                {
                    activities.AddRange(TranscriptFormat.DecodeTurn(channelId, conversationId, header, element));
                }
            }
            catch (InvalidDataException ex)
            {
                _logger.LogWarning(ex, "Skipped element {Index} of {Count} in the transcript of conversation {ConversationId}: it cannot be decoded", i + 1, elements.Length, conversationId);
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
        catch (Exception exception) when (RedisStorageException.IsRedisFailure(exception))
        {
            // Same exception as the storage's, so callers (the desk's 503) treat both alike.
            throw new RedisStorageException(operation, 1, exception);
        }
    }
}
