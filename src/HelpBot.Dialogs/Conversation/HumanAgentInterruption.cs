using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Turns;

namespace HelpBot.Dialogs.Conversation;

/// <summary>
/// A customer who asks for a person gets one at any step: the current flow ends and the request is handled as if it
/// had started the conversation. Only a confident reading counts, so answers to questions are not mistaken for it.
/// </summary>
public sealed class HumanAgentInterruption(ITurnIntentRecognizer recognizer) : IDialogInterruption
{
    public const double MinimumScore = 0.8;

    public async Task<bool> TryInterruptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        // A button the waiting question offered ("转给客服处理") is its answer, not an interruption; and a message with no
        // letters at all (an order number, phone digits, "?") cannot ask for a person, so it skips the recognizer.
        var text = dc.Context.Activity.Text;
        if (dc.ActiveDialog is not { } active || string.IsNullOrEmpty(text) || !text.Any(char.IsLetter) || PromptState.IsOfferedChoice(active, text))
        {
            return false;
        }

        var turn = dc.Context.Turn();
        var intent = await recognizer.RecognizeAsync(text, turn.Language, cancellationToken);
        if (intent.Intent != Intents.HumanAgent || intent.Score < MinimumScore)
        {
            return false;
        }

        await dc.CancelAllDialogsAsync(cancellationToken);
        await dc.BeginDialogAsync(RootDialog.DialogId, null, cancellationToken);
        return true;
    }
}
