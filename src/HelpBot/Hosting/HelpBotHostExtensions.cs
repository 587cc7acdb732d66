using HelpBot.Bot;
using HelpBot.Dialogs;
using HelpBot.Endpoints;
using HelpBot.Platform.Sandbox;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace HelpBot.Hosting;

public static class HelpBotHostExtensions
{
    /// <summary>Everything the host needs: Bot Framework adapter, state storage, the platform (real or sandbox), the conversation.</summary>
    public static IServiceCollection AddHelpBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBotAdapter(configuration);
        services.AddStateStorage(configuration);
        // The real platform when Platform:BaseUrl is set; otherwise the embedded sandbox on its own port, over HTTP.
        services.AddPlatformOrSandbox(configuration);
        services.AddHelpBotDialogs(configuration);
        services.AddHealthChecks().AddCheck<PlatformHealthCheck>("platform", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }

    public static WebApplication MapHelpBot(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        WarnWhenUnauthenticated(app);
        app.MapBotMessages();
        app.MapHealth();
        return app;
    }

    private static IServiceCollection AddBotAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        // On .NET 10 CloudAdapter cannot be registered by type (its constructors are ambiguous to the container).
        services.AddSingleton<BotFrameworkAuthentication>(sp =>
            new ConfigurationBotFrameworkAuthentication(configuration, logger: sp.GetRequiredService<ILogger<BotFrameworkAuthentication>>()));
        services.AddSingleton(sp => new HelpBotAdapter(
            sp.GetRequiredService<BotFrameworkAuthentication>(),
            sp.GetRequiredService<Dialogs.State.ConversationStateStore>(),
            sp.GetRequiredService<ILogger<HelpBotAdapter>>()));
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<HelpBotAdapter>());
        services.AddSingleton<ActivityRequestValidator>();
        return services;
    }

    private static IServiceCollection AddStateStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IStorage, MemoryStorage>();
        return services;
    }

    private static void WarnWhenUnauthenticated(WebApplication app)
    {
        if (string.IsNullOrWhiteSpace(app.Configuration["MicrosoftAppId"]))
        {
            app.Logger.LogWarning(
                "DEVELOPMENT MODE: no MicrosoftAppId is configured, so POST /api/messages accepts unauthenticated requests " +
                "and trusts from.id. Configure MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId before exposing this bot.");
        }
    }
}
