using HelpBot.AgentDesk;
using HelpBot.Dialogs.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HelpBot.Dialogs.Escalation;

/// <summary>A person: escalation to the agent desk (cases, screenshots, transcripts), evidence, contacting the restaurant.</summary>
public static class EscalationRegistration
{
    public static IServiceCollection AddEscalation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAgentDesk(configuration);
        services.AddSingleton<EvidenceCollector>();
        services.AddSingleton<ICustomerConversationBridge, AgentConversationBridge>();
        services.AddSingleton<Dialog, EscalationDialog>();
        services.AddSingleton<Dialog, EvidenceDialog>();
        services.AddSingleton<Dialog, MerchantContactDialog>();
        return services;
    }
}
