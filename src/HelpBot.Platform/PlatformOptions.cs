namespace HelpBot.Platform;

/// <summary>Configuration section <c>Platform</c>.</summary>
public sealed class PlatformOptions
{
    public const string SectionName = "Platform";

    /// <summary>Base URL of the real platform. When empty, the host starts the embedded sandbox and uses that.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Sent as a bearer token on every platform call when set.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Time limit for one attempt of one call.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Time limit for a call including its retries.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// Largest response body read from the platform, in bytes. A longer body fails the call as unavailable instead of
    /// being read into memory whole; the platform's largest answers (an order with its timeline) are a few KB.
    /// </summary>
    public long MaxResponseBytes { get; set; } = 1024 * 1024;

    // The members below were added with the client registration: the standard resilience handler's own defaults
    // (2 s base delay, breaker minimum throughput 100) suit busy services, not a chat bot's trickle of calls.

    /// <summary>How many times a failed GET is retried (0 disables retries). Other methods are never retried.</summary>
    public int RetryCount { get; set; } = 2;

    /// <summary>Delay before the first retry; later retries back off exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Share of failed attempts within <see cref="CircuitBreakerSamplingDuration"/> that opens the breaker.</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts needed within the sampling window before the breaker may open.</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 10;

    /// <summary>Window over which failures are counted; at least twice <see cref="AttemptTimeout"/>.</summary>
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open breaker rejects calls before letting a trial call through.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
