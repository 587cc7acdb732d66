namespace HelpBot.Hosting;

public static class DefaultUrl
{
    /// <summary>The Bot Framework convention for a local bot.</summary>
    public const string Value = "http://localhost:3978";

    /// <summary>
    /// Listens on http://localhost:3978 unless the operator chose addresses with --urls, ASPNETCORE_URLS,
    /// ASPNETCORE_HTTP_PORTS or the Urls setting. (Putting the default in appsettings.json would override
    /// ASPNETCORE_URLS, which is not what operators expect.)
    /// </summary>
    public static WebApplicationBuilder UseHelpBotDefaultUrl(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var chosen = new[] { "urls", "http_ports", "https_ports" }.Any(key => !string.IsNullOrWhiteSpace(configuration[key]));
        if (!chosen)
        {
            builder.WebHost.UseUrls(Value);
        }

        return builder;
    }
}
