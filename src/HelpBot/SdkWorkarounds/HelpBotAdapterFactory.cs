using HelpBot.Bot;
using HelpBot.Dialogs.Turns;
using Microsoft.Bot.Connector.Authentication;

namespace HelpBot.SdkWorkarounds;

/// <summary>
/// Builds the adapter by hand: on .NET 10 the container cannot choose between CloudAdapter 4.23.1's public
/// constructors (they are ambiguous to it), so the adapter cannot be registered by type.
/// </summary>
public static class HelpBotAdapterFactory
{
    public static HelpBotAdapter Create(IServiceProvider services) => new(
        services.GetRequiredService<BotFrameworkAuthentication>(),
        services.GetRequiredService<ConversationTurns>(),
        services.GetRequiredService<ILogger<HelpBotAdapter>>(),
        // The SDK's own per-turn lines ("ProcessActivityAsync") under their own category, "Microsoft.Bot".
        services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.Bot.Builder.CloudAdapter"));
}
