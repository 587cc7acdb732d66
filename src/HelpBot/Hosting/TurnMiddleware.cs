using HelpBot.AgentDesk.Transcripts;
using HelpBot.Bot;
using HelpBot.SdkWorkarounds;

namespace HelpBot.Hosting;

/// <summary>
/// Every turn's Bot Framework middleware, in the order it runs: the one place this order is decided. (Over HTTP, a
/// request reaches the adapter only after <see cref="ActivityRequestValidator"/> has read and checked it.)
/// </summary>
public static class TurnMiddleware
{
    public static IReadOnlyList<Microsoft.Bot.Builder.IMiddleware> InOrder(IServiceProvider services) =>
    [
        // First: everything after it formats with a cached culture (see the middleware).
        new CachedCultureMiddleware(),
        // Before anything that costs: a flooding sender's turns write no transcript and reach no recognizer, platform
        // or storage.
        services.GetRequiredService<TurnRateLimitMiddleware>(),
        // Every conversation's transcript, for the agent desk and .transcript export (see PerTurnTranscriptMiddleware):
        // the message as the customer sent it, and everything the bot sends.
        services.GetRequiredService<PerTurnTranscriptMiddleware>(),
        // Customers see "typing…" when a turn takes longer than half a second (a slow platform call, for instance).
        new TypingIndicatorMiddleware(),
        new TeamsButtonsMiddleware(),
        // Last before the dialogs: they get at most InputLimits:MaxTextLength characters.
        services.GetRequiredService<MessageTextLimitMiddleware>(),
    ];
}
