namespace HelpBot.Dialogs.Conversation;

/// <summary>
/// What a message is about: the intent, how sure we are (0 to 1), the order number if one was typed, and the other
/// intents it could be, likeliest first.
/// </summary>
public sealed record TurnIntent(string Intent, double Score, string? OrderNumber)
{
    public static TurnIntent None { get; } = new(Intents.None, 0, null);

    public IReadOnlyList<HelpBot.Language.Model.IntentScore> Alternatives { get; init; } = [];
}

/// <summary>Understands a customer's message. The language project's recognizer implements it; a keyword one is the fallback.</summary>
public interface ITurnIntentRecognizer
{
    Task<TurnIntent> RecognizeAsync(string? text, string language, CancellationToken cancellationToken);
}
