using HelpBot.AgentDesk.Api;
using HelpBot.AgentDesk.Cases;
using HelpBot.AgentDesk.Evidence;
using HelpBot.AgentDesk.Notifications;
using HelpBot.AgentDesk.Transcripts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HelpBot.AgentDesk;

public static class AgentDeskServiceCollectionExtensions
{
    /// <summary>
    /// Cases, queue and screenshots (all in the registered IStorage), the transcript middleware (over the host's
    /// <see cref="ITranscriptStore"/>, chosen with the storage engine), the agent tokens, the new-case notifier (Teams webhook when AgentDesk:TeamsWebhookUrl is set, else a log line).
    /// Needs a <see cref="TimeProvider"/>. Safe to call more than once.
    /// The host maps the endpoints with <see cref="AgentDeskEndpoints.MapAgentDesk"/>; the conversation layer registers
    /// the <see cref="ICustomerConversationBridge"/>.
    /// </summary>
    public static IServiceCollection AddAgentDesk(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(AgentDeskService)))
        {
            return services;
        }

        services.AddOptions<AgentDeskOptions>()
            .Bind(configuration.GetSection(AgentDeskOptions.SectionName))
            .Validate(o => o.MaxAttachmentBytes > 0 && o.MaxAttachmentsPerCase > 0, "AgentDesk:MaxAttachmentBytes and MaxAttachmentsPerCase must be positive.")
            .Validate(o => o.TeamsWebhookUrl is null || o.TeamsWebhookUrl.IsAbsoluteUri, "AgentDesk:TeamsWebhookUrl must be an absolute URL.")
            .Validate(o => o.MaxTranscriptActivities > 0 && o.MaxTranscriptTurns > 0, "AgentDesk:MaxTranscriptActivities and MaxTranscriptTurns must be positive.")
            .ValidateOnStart();
        services.AddSingleton<CaseStore>();
        services.AddSingleton<AttachmentStore>();
        services.AddSingleton<EvidenceFetcher>();
        services.AddSingleton<PerTurnTranscriptMiddleware>();
        services.AddSingleton<AgentTokens>();
        services.AddSingleton<AgentAuthFilter>();
        services.AddSingleton<AgentDeskService>();
        services.AddHttpClient(nameof(TeamsWebhookNewCaseNotifier));
        services.AddSingleton<INewCaseNotifier>(sp =>
            sp.GetRequiredService<IOptions<AgentDeskOptions>>().Value.TeamsWebhookUrl is { } webhook
                ? new TeamsWebhookNewCaseNotifier(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(TeamsWebhookNewCaseNotifier)), webhook)
                : ActivatorUtilities.CreateInstance<LoggingNewCaseNotifier>(sp));
        services.AddHostedService<AgentTokenAnnouncer>();
        return services;
    }

    /// <summary>Creates the tokens at start-up, so a generated token is in the log before the first agent needs it.</summary>
    private sealed class AgentTokenAnnouncer(AgentTokens tokens) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            GC.KeepAlive(tokens);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
