namespace HelpBot.Hosting;

/// <summary>Configuration section <c>HelpBot:Cors</c>: which other origins' web chat pages may call the bot.</summary>
public sealed class WebChatCorsOptions
{
    public const string SectionName = "HelpBot:Cors";

    /// <summary>
    /// Origins (scheme://host[:port]) of web chat pages served elsewhere that call this host's Direct Line and token
    /// endpoints from the browser. None (the default): same origin only, browsers refuse every cross-origin call.
    /// </summary>
    public List<string> WebChatOrigins { get; set; } = [];
}
