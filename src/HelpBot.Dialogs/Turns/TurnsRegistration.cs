using HelpBot.Dialogs.Engine;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HelpBot.Dialogs.Turns;

/// <summary>The bot and what every turn needs: the dialog set, the conversation state store and the per-conversation lock.</summary>
public static class TurnsRegistration
{
    /// <summary>The connection string of the shared state store (the same name as HelpBot.Storage.Redis reads).</summary>
    public const string SharedStateConnectionStringName = "Redis";

    public static IServiceCollection AddTurns(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(sp => new DialogSet(sp.GetServices<Dialog>()));
        services.AddSingleton<ConversationStateStore>();
        services.AddSingleton<ConversationTurns>();
        // One lock either way, whatever the order of registration: with a shared Redis (ConnectionStrings:Redis) the host
        // registers the lock that holds across instances; otherwise turns only need to wait for each other in this process.
        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString(SharedStateConnectionStringName)))
        {
            services.AddSingleton<IConversationTurnLock, KeyedAsyncLock>();
        }

        services.AddSingleton<IBot, SupportBot>();
        return services;
    }
}
