using System.Globalization;
using System.Text;
using HelpBot.Storage.Redis.Options;
using StackExchange.Redis;

namespace HelpBot.Storage.Redis;

/// <summary>
/// Maps Bot Framework storage keys to Redis keys and picks each key's time-to-live.
/// </summary>
/// <remarks>
/// Key layout:
/// <code>
///   {KeyPrefix}{escaped storage key}        HASH  data = item JSON (Newtonsoft, $type names), etag = current ETag
///   e.g. helpbot:msteams/conversations/19%3Aabc%7Bx%7D/
///   {KeyPrefix}lock:{escaped storage key}   STRING random token of the turn holding the key's lock, with a lease (PX)
/// </code>
/// Escaping keeps A-Z a-z 0-9 - _ . ~ / and writes every other character as %XX of its UTF-8 bytes ('%' included,
/// so the mapping is one-to-one). Bot Framework keys hold '/', ':', '|' and user input; escaping '{' and '}'
/// means user input can never form a Redis Cluster hash tag, and ':' stays free as the prefix separator.
/// Every storage operation touches exactly one Redis key per item (the ETag check is a Lua script on that key), so
/// no operation spans hash slots and no hash tags are needed; batches are pipelined per key and work on a cluster.
/// </remarks>
public sealed class RedisKeyLayout
{
    private const string LockSegment = "lock:";

    private readonly string _prefix;
    private readonly TimeSpan _defaultTtl;
    private readonly RedisRetentionRule[] _rulesLongestPrefixFirst;

    public RedisKeyLayout(RedisStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _prefix = options.KeyPrefix ?? string.Empty;
        _defaultTtl = options.ConversationStateTtl;
        _rulesLongestPrefixFirst = [.. options.RetentionRules.OrderByDescending(rule => rule.KeyPrefix.Length)];
    }

    /// <summary>The Redis key that holds the item stored under <paramref name="storageKey"/>.</summary>
    public RedisKey ToRedisKey(string storageKey)
    {
        ArgumentNullException.ThrowIfNull(storageKey);
        return _prefix + Escape(storageKey);
    }

    /// <summary>
    /// The Redis key of the turn lock for <paramref name="storageKey"/>. Escaped storage keys never contain ':', so
    /// <c>{prefix}lock:…</c> can never be the key of a stored item.
    /// </summary>
    public RedisKey ToLockKey(string storageKey)
    {
        ArgumentNullException.ThrowIfNull(storageKey);
        return _prefix + LockSegment + Escape(storageKey);
    }

    /// <summary>Time-to-live applied on each write of <paramref name="storageKey"/>; zero means none.</summary>
    public TimeSpan TimeToLive(string storageKey)
    {
        ArgumentNullException.ThrowIfNull(storageKey);
        foreach (var rule in _rulesLongestPrefixFirst)
        {
            if (storageKey.StartsWith(rule.KeyPrefix, StringComparison.Ordinal))
            {
                return rule.Ttl;
            }
        }

        return _defaultTtl;
    }

    /// <summary>Percent-escapes everything except A-Z a-z 0-9 - _ . ~ / (one-to-one, reversible).</summary>
    public static string Escape(string storageKey)
    {
        ArgumentNullException.ThrowIfNull(storageKey);
        if (storageKey.All(IsKept))
        {
            return storageKey;
        }

        var builder = new StringBuilder(storageKey.Length * 2);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < storageKey.Length; i++)
        {
            var c = storageKey[i];
            if (IsKept(c))
            {
                builder.Append(c);
                continue;
            }

            // Surrogate pairs (e.g. emoji) are encoded together; a lone surrogate becomes U+FFFD like any UTF-8 encoder.
            var length = char.IsHighSurrogate(c) && i + 1 < storageKey.Length && char.IsLowSurrogate(storageKey[i + 1])
                ? 2
                : 1;
            var written = Encoding.UTF8.GetBytes(storageKey.AsSpan(i, length), utf8);
            for (var b = 0; b < written; b++)
            {
                builder.Append('%').Append(utf8[b].ToString("X2", CultureInfo.InvariantCulture));
            }

            i += length - 1;
        }

        return builder.ToString();
    }

    private static bool IsKept(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' or '/';
}
