using HelpBot.Dialogs.Turns;

namespace HelpBot.Dialogs.Conversation;

/// <summary>
/// One understanding pass per turn: the interruptions, the double-tap check and the root dialog all ask what the same
/// message means, and each text of a turn is recognised once, then read from the turn (<see cref="TurnInfo"/>).
/// Outside a turn (the NLU endpoint, tests of the recognizer) every call recognises.
/// </summary>
public sealed class TurnUnderstanding(LanguageIntentRecognizer recognizer) : ITurnIntentRecognizer
{
    public async Task<TurnIntent> RecognizeAsync(string? text, string language, CancellationToken cancellationToken)
    {
        var turn = TurnInfoExtensions.CurrentTurn;
        var key = language + "\n" + text;
        if (turn is not null && turn.Understood.TryGetValue(key, out var known))
        {
            return known;
        }

        var understood = await recognizer.RecognizeAsync(text, language, cancellationToken);
        turn?.Understood.TryAdd(key, understood);
        return understood;
    }
}
