namespace HelpBot.Bot;

/// <summary>
/// Configuration section <c>HelpBot:RateLimit</c>: token buckets per user and per conversation. The buckets live in
/// the memory of each bot instance, so with N instances behind a load balancer a sender gets up to N times the limit.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "HelpBot:RateLimit";

    public bool Enabled { get; set; } = true;

    /// <summary>Per sender (channel and from.id), across their conversations.</summary>
    public TokenBucketSettings PerUser { get; set; } = new() { TokenLimit = 30, TokensPerPeriod = 10, ReplenishmentPeriod = TimeSpan.FromSeconds(20) };

    /// <summary>Per conversation (channel and conversation.id), whoever sends.</summary>
    public TokenBucketSettings PerConversation { get; set; } = new() { TokenLimit = 20, TokensPerPeriod = 10, ReplenishmentPeriod = TimeSpan.FromSeconds(20) };
}

/// <summary>One token per activity; a full bucket allows a burst of <see cref="TokenLimit"/>.</summary>
public sealed class TokenBucketSettings
{
    public int TokenLimit { get; set; }

    public int TokensPerPeriod { get; set; }

    public TimeSpan ReplenishmentPeriod { get; set; }
}
