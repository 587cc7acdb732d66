namespace HelpBot.Bot;

/// <summary>Configuration section <c>HelpBot:DevelopmentMode</c>: only read when no MicrosoftAppId is configured.</summary>
public sealed class DevelopmentServiceUrlOptions
{
    public const string SectionName = "HelpBot:DevelopmentMode";

    /// <summary>
    /// serviceUrls besides loopback the bot may reply to in development mode (e.g. a tunnel to the Emulator); an
    /// activity's serviceUrl must have the same scheme, host and port and start with the configured path.
    /// The embedded Direct Line's own serviceUrl is allowed as well.
    /// </summary>
    public List<Uri> ServiceUrls { get; set; } = [];
}
