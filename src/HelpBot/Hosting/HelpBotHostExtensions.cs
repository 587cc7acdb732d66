using System.Diagnostics;
using HelpBot.AgentDesk.Api;
using HelpBot.AgentDesk.Evidence;
using HelpBot.Bot;
using HelpBot.Channels.DirectLine.Delivery;
using HelpBot.Channels.DirectLine.Hosting;
using HelpBot.Dialogs.Turns;
using HelpBot.Dialogs;
using HelpBot.Endpoints;
using HelpBot.Language.Http;
using HelpBot.Language;
using HelpBot.Platform.Sandbox;
using HelpBot.SdkWorkarounds;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace HelpBot.Hosting;

/// <summary>
/// The host's composition, one explicit list in order (as eShop's Basket.API does): every choice between
/// implementations (memory or Redis, platform or sandbox, embedded Direct Line or not) is made here or in the method
/// named for it, never by which registration came first.
/// </summary>
public static class HelpBotHostExtensions
{
    /// <summary>Everything the host needs: Bot Framework adapter, state storage, the platform (real or sandbox), the conversation.</summary>
    public static IServiceCollection AddHelpBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddBotAdapter(configuration);
        // Memory or Redis: storage, turn lock and transcript store for the one engine.
        services.AddStateStorage(configuration);
        // The real platform when Platform:BaseUrl is set; otherwise the embedded sandbox on its own port, over HTTP.
        services.AddPlatformOrSandbox(configuration);
        services.AddHelpBotDialogs(configuration);
        services.AddPlatformHealthCheck(configuration);
        services.AddWebChatCors(configuration);
        services.AddHelpBotOpenApi();
        if (IsDevelopmentMode(configuration))
        {
            // No Azure Bot Service: web chat and the app's chat window reach the bot through the embedded Direct Line.
            services.AddEmbeddedDirectLine(configuration);
            services.AddSingleton<IAttachmentHostSource, DirectLineAttachmentHostSource>();
        }
        else
        {
            services.AddNluApiRateLimit(configuration);
        }

        return services;
    }

    public static WebApplication MapHelpBot(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        WarnWhenUnauthenticated(app);
        PrepareRecognizer(app);

        // The request pipeline, in order, before the endpoints (POST /api/messages is checked by
        // ActivityRequestValidator, then runs the turn middleware of TurnMiddleware). CORS comes first, on the web
        // chat's paths only, so their preflights are answered before anything else sees them; then static files and
        // web sockets in development mode, the rate limiter in production.
        app.UseWebChatCors();
        if (IsDevelopmentMode(app.Configuration))
        {
            app.UseWebSockets(); // the embedded Direct Line's activity stream
            app.UseWebChatFiles();
        }
        else
        {
            app.UseRateLimiter(); // the NLU API's limit (NluApiProtection)
        }

        app.MapBotMessages();
        app.MapHealth();
        app.MapHelpBotOpenApi();
        if (IsDevelopmentMode(app.Configuration))
        {
            app.MapNluEndpoints();
        }
        else
        {
            // Production: the operator token and a rate limit; parsing is CPU that customers' turns share.
            app.MapProtectedNluEndpoints();
        }

        app.MapAgentDesk();
        if (IsDevelopmentMode(app.Configuration))
        {
            app.MapEmbeddedDirectLine();
            app.MapWebChat();
        }

        return app;
    }

    // Its own short timeout (the check's registration, not the platform clients' retries): past it, the platform is
    // degraded (200), so a slow platform neither fails the probe by timing it out nor makes the pod unready.
    private static void AddPlatformHealthCheck(this IServiceCollection services, IConfiguration configuration)
    {
        var readiness = configuration.GetSection(ReadinessOptions.SectionName).Get<ReadinessOptions>() ?? new ReadinessOptions();
        services.AddHealthChecks().AddCheck<PlatformHealthCheck>(
            "platform", failureStatus: HealthStatus.Degraded, tags: [HealthEndpoints.ReadyTag], timeout: readiness.PlatformCheckTimeout);
    }

    private static IServiceCollection AddBotAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<BotFrameworkAuthentication>(sp =>
            new ReusedConnectorsBotFrameworkAuthentication(
                new ConfigurationBotFrameworkAuthentication(configuration, logger: sp.GetRequiredService<ILogger<BotFrameworkAuthentication>>())));
        services.AddSingleton(sp =>
        {
            var adapter = HelpBotAdapterFactory.Create(sp);
            foreach (var middleware in TurnMiddleware.InOrder(sp))
            {
                adapter.Use(middleware);
            }

            return adapter;
        });
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<HelpBotAdapter>());
        services.AddSingleton<BotAdapter>(sp => sp.GetRequiredService<HelpBotAdapter>()); // proactive messages from the agent desk
        services.AddSingleton(_ => new ActivityRequestValidator(requireBearerToken: !IsDevelopmentMode(configuration)));
        // Development mode replies only to loopback, the embedded Direct Line's own serviceUrl and
        // HelpBot:DevelopmentMode:ServiceUrls (see DevelopmentServiceUrlPolicy).
        services.AddOptions<DevelopmentServiceUrlOptions>().Bind(configuration.GetSection(DevelopmentServiceUrlOptions.SectionName));
        services.AddSingleton(sp =>
        {
            var allowed = sp.GetRequiredService<IOptions<DevelopmentServiceUrlOptions>>().Value.ServiceUrls;
            if (!IsDevelopmentMode(configuration))
            {
                return new DevelopmentServiceUrlPolicy(enabled: false, allowed);
            }

            var directLine = sp.GetRequiredService<DirectLineChannelUrls>();
            return new DevelopmentServiceUrlPolicy(enabled: true, allowed, () => ServiceUrlOf(directLine));
        });
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName));
        services.AddOptions<InputLimitOptions>().Bind(configuration.GetSection(InputLimitOptions.SectionName));
        services.AddSingleton<TurnRateLimitMiddleware>();
        services.AddSingleton<MessageTextLimitMiddleware>();
        return services;
    }

    private static Uri? ServiceUrlOf(DirectLineChannelUrls urls)
    {
        try
        {
            return urls.ServiceUrl;
        }
        catch (InvalidOperationException)
        {
            // The server has no address yet (not started): only loopback and the configured URLs.
            return null;
        }
    }

    /// <summary>No Azure Bot registration: channel requests are not authenticated and the embedded channel is used.</summary>
    public static bool IsDevelopmentMode(IConfiguration configuration) => string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);

    // Before the app listens: otherwise the first customer's turn pays for loading the shipped intent model (~0.7 s),
    // or for training it when that model is stale (seconds on a cold, busy machine), and a channel that waits for the
    // bot's answer, such as the embedded Direct Line, may give up on it.
    private static void PrepareRecognizer(WebApplication app)
    {
        var started = Stopwatch.GetTimestamp();
        app.Services.GetRequiredService<IHelpBotRecognizer>();
        app.Logger.LogInformation("Recognizer ready in {Milliseconds:F0} ms", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static void WarnWhenUnauthenticated(WebApplication app)
    {
        if (IsDevelopmentMode(app.Configuration))
        {
            app.Logger.LogWarning(
                "DEVELOPMENT MODE: no MicrosoftAppId is configured, so POST /api/messages accepts unauthenticated requests " +
                "and trusts from.id. Configure MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId before exposing this bot.");
        }
    }
}
