using HelpBot.Dialogs.Orders;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Turns;
using HelpBot.Language.Answers;
using HelpBot.Dialogs.Engine;

namespace HelpBot.Dialogs.Conversation;

/// <summary>
/// A message the waiting question cannot take. With an order number in it, it is a new request about that order ("不对
/// 是2611…" at the phone-digits question) and is routed afresh at once. At a button question (one attempt), unless it
/// clearly is a new request (a confident reading of another problem, a request for a person), the customer is told
/// once how to answer and the question is asked again; the next unreadable answer is routed as a new request.
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
            || dc.Dialogs.Find(active.Id) is not IAnswerPrompt prompt
            || string.IsNullOrWhiteSpace(text)
            || await dc.ActivePromptRecognizesAsync(cancellationToken))
        {
            return false;
        }

        if (OrderNumber.Find(text) is not null)
        {
            await dc.CancelAllDialogsAsync(cancellationToken);
            await dc.BeginDialogAsync(RootDialog.DialogId, null, cancellationToken);
            return true;
        }

        // "I meant the other one" does not answer the question: it corrects the request, which the root dialog redoes.
        if (prompt.TakesAnyText || PromptState.MaxAttempts(active) > 1 || PromptState.WasHinted(active) || AnswerReader.Read(text).IsCorrection)
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
