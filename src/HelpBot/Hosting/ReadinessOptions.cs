namespace HelpBot.Hosting;

/// <summary>Configuration section <c>HelpBot:Readiness</c>.</summary>
public sealed class ReadinessOptions
{
    public const string SectionName = "HelpBot:Readiness";

    /// <summary>
    /// How long /readyz waits for the platform's status API before calling the platform degraded. Well below the
    /// readiness probe's timeout (3 s in manifests/kubernetes), which a platform call with its retries (up to
    /// Platform:TotalTimeout, 8 s) would exceed, so a slow platform would take every pod out of the Service.
    /// </summary>
    public TimeSpan PlatformCheckTimeout { get; set; } = TimeSpan.FromSeconds(1);
}
