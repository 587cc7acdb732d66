using HelpBot.Dialogs.Orders;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Runtime;

namespace HelpBot.Dialogs.Conversation;

/// <summary>
/// A button question (one attempt) whose answer the prompt cannot read: unless the message clearly is a new request (an
/// order number, a confident reading of another problem, a request for a person), the customer is told once how to
/// answer and the question is asked again. The next unreadable answer is routed as a new request, as before.
/// </summary>
public sealed class UnansweredQuestion(ITurnIntentRecognizer recognizer) : IDialogInterruption
{
    /// <summary>From this confidence on, a message that does not answer the question is taken as a new request.</summary>
    public const double NewRequestFrom = 0.4;

    public const double HumanAgentFrom = 0.2;

    public async Task<bool> TryInterruptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var text = dc.Context.Activity.Text;
        if (dc.ActiveDialog is not { } active
            || dc.Dialogs.Find(active.Id) is not IAnswerPrompt { TakesAnyText: false }
            || PromptState.MaxAttempts(active) > 1
            || PromptState.WasHinted(active)
            || string.IsNullOrWhiteSpace(text)
            || OrderNumber.Find(text) is not null
            || await dc.ActivePromptRecognizesAsync(cancellationToken))
        {
            return false;
        }

        var intent = await recognizer.RecognizeAsync(text, dc.Context.Turn().Language, cancellationToken);
        if (IsNewRequest(intent))
        {
            return false;
        }

        PromptState.MarkHinted(active);
        await dc.Context.SendActivityAsync(dc.Context.Turn().Text(nameof(Strings.Prompt_AnswerHint)), cancellationToken: cancellationToken);
        await dc.RepromptDialogAsync(cancellationToken);
        return true;
    }

    private static bool IsNewRequest(TurnIntent intent) =>
        (intent.Intent is not (Intents.None or Intents.Greeting or Intents.ThanksGoodbye) && intent.Score >= NewRequestFrom)
        || intent.Alternatives.Any(a => a.Intent == Intents.HumanAgent && a.Score >= HumanAgentFrom);
}
