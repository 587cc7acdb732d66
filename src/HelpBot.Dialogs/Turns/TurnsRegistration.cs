using HelpBot.Dialogs.Engine;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace HelpBot.Dialogs.Turns;

/// <summary>The bot and what every turn needs: the dialog set, the conversation state store and the turn runner.</summary>
public static class TurnsRegistration
{
    public static IServiceCollection AddTurns(this IServiceCollection services)
    {
        services.AddSingleton(sp => new DialogSet(sp.GetServices<Dialog>()));
        services.AddSingleton<ConversationStateStore>();
        services.AddSingleton<ConversationTurns>();
        // The per-conversation lock comes with the host's choice of state (memory or Redis, see the host's
        // StateStorageExtensions), like IStorage itself.
        services.AddSingleton<IBot, SupportBot>();
        return services;
    }
}
