using System.Diagnostics;
using HelpBot.AgentDesk.Api;
using HelpBot.AgentDesk.Evidence;
using HelpBot.Bot;
using HelpBot.Bot.Connectors;
using HelpBot.Channels.DirectLine.Hosting;
using HelpBot.Language;
using HelpBot.Language.Http;
using HelpBot.Dialogs;
using HelpBot.Dialogs.Turns;
using HelpBot.Endpoints;
using HelpBot.Platform.Sandbox;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using HelpBot.Storage.Redis;
using HelpBot.Storage.Redis.DependencyInjection;
using HelpBot.Storage.Redis.Options;
using Newtonsoft.Json;

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
        if (IsDevelopmentMode(configuration))
        {
            // No Azure Bot Service: web chat and the app's chat window reach the bot through the embedded Direct Line.
            services.AddEmbeddedDirectLine(configuration);
            services.AddSingleton<IAttachmentHostSource, DirectLineAttachmentHostSource>();
        }

        return services;
    }

    public static WebApplication MapHelpBot(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        WarnWhenUnauthenticated(app);
        TrainRecognizer(app);
        app.MapBotMessages();
        app.MapHealth();
        app.MapNluEndpoints();
        app.MapAgentDesk();
        if (IsDevelopmentMode(app.Configuration))
        {
            app.MapEmbeddedDirectLine();
            app.MapWebChat();
        }

        return app;
    }

    private static IServiceCollection AddBotAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        // On .NET 10 CloudAdapter cannot be registered by type (its constructors are ambiguous to the container).
        services.AddSingleton<BotFrameworkAuthentication>(sp =>
            new ReusedConnectorsBotFrameworkAuthentication(
                new ConfigurationBotFrameworkAuthentication(configuration, logger: sp.GetRequiredService<ILogger<BotFrameworkAuthentication>>())));
        services.AddSingleton(sp =>
        {
            var adapter = new HelpBotAdapter(
                sp.GetRequiredService<BotFrameworkAuthentication>(),
                sp.GetRequiredService<Dialogs.Turns.ConversationTurns>(),
                sp.GetRequiredService<ILogger<HelpBotAdapter>>(),
                sp.GetService<HelpBot.AgentDesk.Transcripts.PerTurnTranscriptMiddleware>(),
                // The SDK's own per-turn lines ("ProcessActivityAsync") under their own category, "Microsoft.Bot".
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.Bot.Builder.CloudAdapter"));

            // Before the dialogs: a flooding sender is stopped first, then overlong text is cut.
            adapter.Use(sp.GetRequiredService<TurnRateLimitMiddleware>());
            adapter.Use(sp.GetRequiredService<MessageTextLimitMiddleware>());
            return adapter;
        });
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<HelpBotAdapter>());
        services.AddSingleton<BotAdapter>(sp => sp.GetRequiredService<HelpBotAdapter>()); // proactive messages from the agent desk
        services.AddSingleton(_ => new ActivityRequestValidator(requireBearerToken: !IsDevelopmentMode(configuration)));
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName));
        services.AddOptions<InputLimitOptions>().Bind(configuration.GetSection(InputLimitOptions.SectionName));
        services.AddSingleton<TurnRateLimitMiddleware>();
        services.AddSingleton<MessageTextLimitMiddleware>();
        return services;
    }

    /// <summary>
    /// Redis when ConnectionStrings:Redis is set (shared by every instance; survives restarts, with a turn lock that
    /// holds across instances), otherwise memory.
    /// HelpBot's state is plain JSON, so storage is told to write no .NET type names and therefore never decides
    /// which type is created when reading.
    /// </summary>
    private static IServiceCollection AddStateStorage(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString(RedisStorageOptions.ConnectionStringName)))
        {
            services.AddSingleton<IStorage, MemoryStorage>();
            return services;
        }

        var serializer = JsonSerializer.Create(new JsonSerializerSettings
        {
            TypeNameHandling = TypeNameHandling.None,
            NullValueHandling = NullValueHandling.Ignore,
            MaxDepth = 64,
        });
        // Read and written as their own types, without a JObject in between (see RedisItemTypes): the conversation's
        // data is read and written on every turn.
        var itemTypes = new RedisItemTypes()
            .Add<ConversationData>("conversation");
        services.AddRedisStorage(configuration, serializer, itemTypes);
        // Transcripts as one compact Redis list per conversation, appended without a read (AddAgentDesk only adds
        // the IStorage transcript store when none is registered).
        services.AddSingleton<HelpBot.AgentDesk.Transcripts.ITranscriptStore, HelpBot.AgentDesk.Transcripts.RedisTranscriptStore>();
        // Turns of one conversation run one at a time across all instances (AddHelpBotDialogs only adds the
        // in-process lock when none is registered).
        services.AddSingleton<IConversationTurnLock, RedisConversationTurnLock>();
        return services;
    }

    /// <summary>No Azure Bot registration: channel requests are not authenticated and the embedded channel is used.</summary>
    public static bool IsDevelopmentMode(IConfiguration configuration) => string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);

    // Before the app listens: otherwise the first customer's turn pays for the training (seconds on a cold, busy
    // machine), and a channel that waits for the bot's answer, such as the embedded Direct Line, may give up on it.
    private static void TrainRecognizer(WebApplication app)
    {
        var started = Stopwatch.GetTimestamp();
        app.Services.GetRequiredService<IHelpBotRecognizer>();
        app.Logger.LogInformation("Recognizer trained in {Milliseconds:F0} ms", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
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
