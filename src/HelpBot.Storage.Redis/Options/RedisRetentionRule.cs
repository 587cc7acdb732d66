namespace HelpBot.Storage.Redis.Options;

/// <summary>
/// Keeps storage keys that start with <see cref="KeyPrefix"/> (the Bot Framework key, before escaping and before
/// <see cref="RedisStorageOptions.KeyPrefix"/>) for <see cref="Ttl"/> after their last write.
/// </summary>
public sealed class RedisRetentionRule
{
    /// <summary>Default retention for kept records such as cases and transcripts.</summary>
    public static readonly TimeSpan DefaultTtl = TimeSpan.FromDays(90);

    public string KeyPrefix { get; set; } = string.Empty;

    /// <summary>Zero means no expiry.</summary>
    public TimeSpan Ttl { get; set; } = DefaultTtl;
}
