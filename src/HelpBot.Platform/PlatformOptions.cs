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
}
