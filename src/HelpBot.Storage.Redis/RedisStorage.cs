using System.Globalization;
using HelpBot.Storage.Redis.Errors;
using HelpBot.Storage.Redis.Options;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StackExchange.Redis;

namespace HelpBot.Storage.Redis;

/// <summary>
/// Bot Framework <see cref="IStorage"/> on Redis, shared by every bot instance. Semantics follow
/// <see cref="MemoryStorage"/> (Bot Builder 4.23) so that code tried against MemoryStorage behaves the same here:
/// <list type="bullet">
/// <item>An <see cref="IStoreItem"/> is written only when its ETag is <c>*</c> or equals the stored one (or nothing
/// with an ETag is stored); otherwise <see cref="StorageETagConflictException"/>. As in MemoryStorage, a null or
/// empty ETag on an existing item is a conflict.</item>
/// <item>Beyond MemoryStorage: a dictionary or plain object carrying an <c>eTag</c> value is checked the same way
/// (<c>*</c> or no value overwrites). Dictionaries always get an <c>eTag</c> entry, and after a successful write the
/// caller's dictionary gets the new one: that is how <see cref="BotState"/>'s state dictionary detects two turns
/// of one conversation racing each other.</item>
/// <item>Every write gives the item a new ETag; missing keys are absent from read results; deleting a missing key is
/// fine; a null value deletes the key.</item>
/// </list>
/// Items in one call are independent Redis keys written in one pipelined batch: a conflict on one key does not stop
/// the others (MemoryStorage stops at the first conflict).
/// Items of a type registered in <see cref="RedisItemTypes"/> are serialised straight to text and read back as that
/// type (with the stored ETag), without the JObject in between; the result is the same.
/// </summary>
public sealed class RedisStorage : IStorage
{
    private const string DataField = "data";
    private const string ETagField = "etag";
    private const string TypeField = "type";
    private static readonly RedisValue[] ReadFields = [DataField, ETagField, TypeField];
    private const string ETagProperty = "eTag";

    // Compare-and-set on the one key of one item: atomic on a single node and on a cluster (one slot). A typed item
    // with an ETag (the conversation, every turn) is one HSET of its three fields.
    // KEYS[1] item key. ARGV: [1] '1' to require the caller's ETag, '0' to overwrite; [2] the caller's ETag;
    // [3] new ETag or '' when the item carries none; [4] item JSON; [5] TTL in ms, '0' for none; [6] type alias or ''.
    private const string WriteScript = """
        if ARGV[1] == '1' then
          local current = redis.call('HGET', KEYS[1], 'etag')
          if current and current ~= ARGV[2] then
            return 0
          end
        end
        if ARGV[6] ~= '' and ARGV[3] ~= '' then
          redis.call('HSET', KEYS[1], 'data', ARGV[4], 'type', ARGV[6], 'etag', ARGV[3])
        else
          redis.call('HSET', KEYS[1], 'data', ARGV[4])
          if ARGV[6] == '' then
            redis.call('HDEL', KEYS[1], 'type')
          else
            redis.call('HSET', KEYS[1], 'type', ARGV[6])
          end
          if ARGV[3] == '' then
            redis.call('HDEL', KEYS[1], 'etag')
          else
            redis.call('HSET', KEYS[1], 'etag', ARGV[3])
          end
        end
        local ttl = tonumber(ARGV[5])
        if ttl > 0 then
          redis.call('PEXPIRE', KEYS[1], ttl)
        else
          redis.call('PERSIST', KEYS[1])
        end
        return 1
        """;

    // Same settings as MemoryStorage (typed round trip through $type names), plus DateParseHandling.None: unlike
    // MemoryStorage we go through JSON text, and a user's string that looks like a date must stay a string.
    // TypeNameHandling.All trusts whoever can write to Redis, exactly as MemoryStorage trusts its process; pass a
    // serializer whose SerializationBinder is an AllowedTypesSerializationBinder to restrict the types.
#pragma warning disable CA2326, CA2327 // see above
    private static readonly JsonSerializer DefaultSerializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.All,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
        MaxDepth = null,
        DateParseHandling = DateParseHandling.None,
    });
#pragma warning restore CA2326, CA2327

    private readonly IConnectionMultiplexer _connection;
    private readonly RedisKeyLayout _layout;
    private readonly ILogger<RedisStorage> _logger;
    private readonly JsonSerializer _serializer;
    private readonly RedisItemTypes _itemTypes;

    public RedisStorage(
        IConnectionMultiplexer connection,
        IOptions<RedisStorageOptions> options,
        ILogger<RedisStorage> logger,
        JsonSerializer? jsonSerializer = null,
        RedisItemTypes? itemTypes = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _connection = connection;
        _layout = new RedisKeyLayout(options.Value);
        _logger = logger;
        _serializer = jsonSerializer ?? DefaultSerializer;
        _itemTypes = itemTypes ?? RedisItemTypes.None;
    }

    /// <summary>The key layout in use (Redis key names and TTLs).</summary>
    public RedisKeyLayout Layout => _layout;

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        var items = new Dictionary<string, object>(keys.Length);
        if (keys.Length == 0)
        {
            return items;
        }

        var batch = _connection.GetDatabase().CreateBatch();
        var reads = keys.Select(key => batch.HashGetAsync(_layout.ToRedisKey(key), ReadFields)).ToArray();
        batch.Execute();
        var values = await RunAsync("read", keys.Length, Task.WhenAll(reads), cancellationToken);

        for (var i = 0; i < keys.Length; i++)
        {
            var (data, etag, alias) = (values[i][0], values[i][1], values[i][2]);
            if (!data.IsNull && Deserialize(data!, alias.IsNull ? null : _itemTypes.TypeOf(alias!)) is { } item)
            {
                if (item is IStoreItem typed && !etag.IsNull && !alias.IsNull)
                {
                    // The hash's etag field is the one the write script compares with.
                    typed.ETag = etag!;
                }

                items[keys[i]] = item;
            }
        }

        return items;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        if (changes.Count == 0)
        {
            return;
        }

        // Serialise everything first: a value that cannot be serialised fails the call before anything is written.
        var writes = changes.Select(change => PrepareWrite(change.Key, change.Value)).ToArray();

        var batch = _connection.GetDatabase().CreateBatch();
        var results = writes.Select(write => write.Json is null
                ? DeletedAsync(batch.KeyDeleteAsync(write.RedisKey))
                : WrittenAsync(batch.ScriptEvaluateAsync(WriteScript, [write.RedisKey], write.ScriptArguments)))
            .ToArray();
        batch.Execute();
        var written = await RunAsync("write", writes.Length, Task.WhenAll(results), cancellationToken);

        var conflicts = new List<string>();
        for (var i = 0; i < writes.Length; i++)
        {
            if (!written[i])
            {
                conflicts.Add(writes[i].StorageKey);
            }
            else if (writes[i].Value is IDictionary<string, object> { IsReadOnly: false } dictionary && writes[i].NewETag.Length > 0)
            {
                dictionary[ETagProperty] = writes[i].NewETag;
            }
        }

        if (conflicts.Count > 0)
        {
            _logger.LogInformation("Redis storage write refused for {ConflictCount} of {KeyCount} key(s): ETag conflict", conflicts.Count, writes.Length);
            throw new StorageETagConflictException(conflicts);
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        if (keys.Length == 0)
        {
            return;
        }

        // One DEL per key: keys live in different cluster slots, a multi-key DEL would be refused there.
        var batch = _connection.GetDatabase().CreateBatch();
        var deletes = keys.Select(key => batch.KeyDeleteAsync(_layout.ToRedisKey(key))).ToArray();
        batch.Execute();
        await RunAsync("delete", keys.Length, Task.WhenAll(deletes), cancellationToken);
    }

    private PendingWrite PrepareWrite(string storageKey, object? value)
    {
        ArgumentNullException.ThrowIfNull(storageKey);
        var redisKey = _layout.ToRedisKey(storageKey);
        if (value is null)
        {
            return new PendingWrite(storageKey, redisKey, null, null, string.Empty, []);
        }

        var ttl = _layout.TimeToLive(storageKey);
        var ttlMilliseconds = ttl > TimeSpan.Zero ? (long)Math.Ceiling(ttl.TotalMilliseconds) : 0L;
        if (value is IStoreItem item && _itemTypes.AliasOf(value.GetType()) is { } alias)
        {
            return PrepareTypedWrite(storageKey, redisKey, item, alias, ttlMilliseconds);
        }

        var json = JObject.FromObject(value, _serializer);
        VerifyAllowedTypes();

        // Any casing of eTag: a POCO property ETag serialises as "ETag", BotState's dictionary entry as "eTag".
        var carried = json.Properties()
            .Where(property => string.Equals(property.Name, ETagProperty, StringComparison.OrdinalIgnoreCase))
            .ToArray();
        foreach (var property in carried)
        {
            property.Remove();
        }

        bool mustMatch;
        string expected;
        bool stamp;
        if (value is IStoreItem storeItem)
        {
            // MemoryStorage: any ETag other than "*" must equal the stored one, null and "" included.
            mustMatch = storeItem.ETag != "*";
            expected = storeItem.ETag ?? string.Empty;
            stamp = true;
        }
        else
        {
            var carriedETag = carried.Select(property => property.Value).OfType<JValue>()
                .Select(token => token.Type == JTokenType.String ? (string?)token : null)
                .FirstOrDefault(etag => etag is not null);
            mustMatch = carriedETag is not null && carriedETag != "*";
            expected = carriedETag ?? string.Empty;
            stamp = carried.Length > 0 || value is IDictionary<string, object> || value is JObject;
        }

        var newETag = stamp ? UniqueTokens.Next() : string.Empty;
        if (stamp)
        {
            json[ETagProperty] = newETag;
        }

        var text = json.ToString(Formatting.None);
        RedisValue[] arguments = [mustMatch ? "1" : "0", expected, newETag, text, ttlMilliseconds, string.Empty];
        return new PendingWrite(storageKey, redisKey, value, text, newETag, arguments);
    }

    // Same rules as above for an IStoreItem (any ETag but "*" must match), without the JObject: the item is written
    // with its new ETag in place, and the caller's ETag is put back (MemoryStorage does not change the caller's item).
    private PendingWrite PrepareTypedWrite(string storageKey, RedisKey redisKey, IStoreItem item, string alias, long ttlMilliseconds)
    {
        var expected = item.ETag;
        var newETag = UniqueTokens.Next();
        string text;
        item.ETag = newETag;
        try
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            _serializer.Serialize(writer, item);
            text = writer.ToString();
        }
        finally
        {
            item.ETag = expected;
        }

        VerifyAllowedTypes();
        RedisValue[] arguments = [expected != "*" ? "1" : "0", expected ?? string.Empty, newETag, text, ttlMilliseconds, alias];
        return new PendingWrite(storageKey, redisKey, item, text, newETag, arguments);
    }

    private object? Deserialize(string json, Type? type)
    {
        using var reader = new JsonTextReader(new StringReader(json));
        var item = type is null ? _serializer.Deserialize(reader) : _serializer.Deserialize(reader, type);
        VerifyAllowedTypes();
        return item;
    }

    // Same contract as Bot Builder's Blobs/Cosmos storages: an AllowedTypesSerializationBinder records types outside
    // its list, and Verify() throws naming them.
    private void VerifyAllowedTypes()
    {
        if (_serializer.SerializationBinder is AllowedTypesSerializationBinder binder)
        {
            binder.Verify();
        }
    }

    private async Task<T> RunAsync<T>(string operation, int keyCount, Task<T> work, CancellationToken cancellationToken)
    {
        try
        {
            return await work.WaitAsync(cancellationToken);
        }
        catch (Exception exception) when (RedisStorageException.IsRedisFailure(exception))
        {
            _logger.LogError(
                exception,
                "Redis storage {Operation} of {KeyCount} key(s) failed ({Failure}); the turn cannot use its state",
                operation,
                keyCount,
                exception.GetType().Name);
            throw new RedisStorageException(operation, keyCount, exception);
        }
    }

    private static async Task<bool> WrittenAsync(Task<RedisResult> script) => (int)await script == 1;

    private static async Task<bool> DeletedAsync(Task<bool> delete)
    {
        await delete;
        return true;
    }

    private sealed record PendingWrite(
        string StorageKey,
        RedisKey RedisKey,
        object? Value,
        string? Json,
        string NewETag,
        RedisValue[] ScriptArguments);
}
