namespace HelpBot.Storage.Redis.Options;

/// <summary>
/// Configuration section <c>Redis</c>. The connection string itself is <c>ConnectionStrings:Redis</c>
/// (StackExchange.Redis syntax, e.g. <c>redis1:6379,redis2:6379,password=...,ssl=true</c>).
/// </summary>
public sealed class RedisStorageOptions
{
    public const string SectionName = "Redis";

    /// <summary>Name under <c>ConnectionStrings</c>.</summary>
    public const string ConnectionStringName = "Redis";

    /// <summary>Prepended to every Redis key, so several apps or environments can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "helpbot:";

    /// <summary>
    /// Time-to-live of keys that match no <see cref="RetentionRules"/> entry (conversation and user state).
    /// Sliding: every write sets it again. Zero means no expiry.
    /// </summary>
    public TimeSpan ConversationStateTtl { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Other retention per key family (e.g. <c>cases/</c>, <c>transcripts/</c>): the rule with the longest
    /// matching <see cref="RedisRetentionRule.KeyPrefix"/> wins.
    /// </summary>
    public IList<RedisRetentionRule> RetentionRules { get; } = [];

    /// <summary>
    /// Time limit for one Redis command (StackExchange.Redis AsyncTimeout and SyncTimeout). A turn waits for at most
    /// one such timeout before its apology; the client notices timeouts on a 1 s heartbeat, so 4 s answers within
    /// about 5 s.
    /// </summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Time limit for establishing a connection (StackExchange.Redis ConnectTimeout).</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Lifetime of a turn lock in Redis. The holder renews it every third of this while the turn runs, so it only
    /// matters when the holder dies: the lock then frees itself after at most this long.
    /// </summary>
    public TimeSpan TurnLockLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a turn waits for another instance's turn of the same conversation. After that it goes on without the
    /// lock, and the ETag check on save keeps the stored state from being overwritten.
    /// </summary>
    public TimeSpan TurnLockWaitLimit { get; set; } = TimeSpan.FromSeconds(10);
}
