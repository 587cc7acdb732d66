namespace HelpBot.Hosting;

/// <summary>Configuration section <c>HelpBot:Health</c>: how long /readyz waits for each dependency.</summary>
public sealed class ReadinessOptions
{
    public const string SectionName = "HelpBot:Health";

    /// <summary>
    /// Limit for the platform check of /readyz; past it the check reports Degraded (still ready). Keep it below the
    /// readiness probe's timeout: a slow platform must not fail every pod's probe at once and empty the Service.
    /// </summary>
    public TimeSpan PlatformCheckTimeout { get; set; } = TimeSpan.FromSeconds(1);
}
