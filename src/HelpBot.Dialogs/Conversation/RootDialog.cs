using HelpBot.AgentDesk.Cases;
using HelpBot.Dialogs.AppStatus;
using HelpBot.Dialogs.Changes;
using HelpBot.Dialogs.Delivery;
using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Escalation;
using HelpBot.Dialogs.Orders;
using HelpBot.Dialogs.Payment;
using HelpBot.Dialogs.Problems;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Turns;
using Microsoft.Bot.Builder;

namespace HelpBot.Dialogs.Conversation;

/// <summary>
/// Where every new request starts: works out what the customer wants (a menu button, an order number, or free text)
/// and starts the flow for it. It never waits itself, so the next message is routed afresh.
/// </summary>
public sealed class RootDialog : Dialog
{
    public const string DialogId = "root";

    /// <summary>Below this confidence the bot asks which of the likeliest meanings is right rather than guess.</summary>
    public const double ClarifyBelow = 0.5;

    private readonly ITurnIntentRecognizer _recognizer;

    public RootDialog(ITurnIntentRecognizer recognizer)
        : base(DialogId)
    {
        _recognizer = recognizer;
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var turn = dc.Context.Turn();
        var text = dc.Context.Activity.Text;
        var intent = MainMenu.Match(text) is { } fromButton
            ? new TurnIntent(fromButton, 1, null)
            : await _recognizer.RecognizeAsync(text, turn.Language, cancellationToken);

        if (NeedsClarifying(intent) is { Count: >= 2 } candidates)
        {
            var question = MainMenu.Question(turn.Text(nameof(Strings.Clarify_Which)), [.. candidates.Select(c => MainMenu.Title(turn, c))]);
            await dc.Context.SendActivityAsync(question, cancellationToken);
            return await dc.EndDialogAsync(null, cancellationToken);
        }

        switch (intent.Intent)
        {
            case Intents.OrderStatus:
                return await dc.BeginDialogAsync(OrderStatusDialog.DialogId, new OrderLookupOptions(intent.OrderNumber), cancellationToken);
            case Intents.OrderStuck:
                return await dc.BeginDialogAsync(OrderStuckDialog.DialogId, Problem(intent, text), cancellationToken);
            case Intents.PaymentFailed or Intents.Refund:
                return await dc.BeginDialogAsync(PaymentDialog.DialogId, Problem(intent, text), cancellationToken);
            case Intents.DeliveryDelay:
                return await dc.BeginDialogAsync(DeliveryDelayDialog.DialogId, Problem(intent, text), cancellationToken);
            case Intents.StatusMismatch:
                return await dc.BeginDialogAsync(StatusMismatchDialog.DialogId, Problem(intent, text), cancellationToken);
            case Intents.AppUnavailable:
                return await dc.BeginDialogAsync(AppUnavailableDialog.DialogId, Problem(intent, text), cancellationToken);
            case Intents.CancelOrder:
                return await dc.BeginDialogAsync(CancelAndReorderDialog.DialogId, new CancelOptions(intent.OrderNumber, "customer_request"), cancellationToken);
            case Intents.ChangeOrder:
                return await dc.BeginDialogAsync(ChangeDeliveryDialog.DialogId, new ChangeDeliveryOptions(intent.OrderNumber), cancellationToken);
            case Intents.ContactMerchant:
                return await dc.BeginDialogAsync(MerchantContactDialog.DialogId, Problem(intent, text), cancellationToken);

            case Intents.HumanAgent:
                // A person, at any step: the case so far (if any) goes with it to platform support.
                return await dc.BeginDialogAsync(EscalationDialog.DialogId, new EscalationOptions(CaseRoutes.Platform), cancellationToken);

            case Intents.PreventionTips:
                await dc.Context.SendActivityAsync(MainMenu.Reply(turn.Text(nameof(Strings.Tips_Prevention)), turn), cancellationToken);
                break;

            case Intents.ThanksGoodbye:
                await dc.Context.SendActivityAsync(MessageFactory.Text(turn.Text(nameof(Strings.Goodbye))), cancellationToken);
                break;

            case Intents.Greeting:
                await SendWelcomeAsync(dc.Context, cancellationToken);
                break;

            default:
                await dc.Context.SendActivityAsync(MainMenu.Reply(turn.Text(nameof(Strings.NotUnderstood)), turn), cancellationToken);
                break;
        }

        return await dc.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>The two or three likeliest intents when the top one is not certain enough to act on; otherwise none.</summary>
    private static List<string> NeedsClarifying(TurnIntent intent)
    {
        if (intent.Score >= ClarifyBelow || intent.OrderNumber is not null || intent.Intent is Intents.Greeting or Intents.ThanksGoodbye or Intents.None)
        {
            return [];
        }

        return [.. intent.Alternatives.Where(a => MainMenu.HasTitle(a.Intent) && a.Score >= 0.1).Take(3).Select(a => a.Intent)];
    }

    private static TroubleshootingOptions Problem(TurnIntent intent, string? text) => new(intent.OrderNumber, text);

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(result, cancellationToken);

    public static Task SendWelcomeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var turn = turnContext.Turn();
        turn.Data.Welcomed = true;
        return turnContext.SendActivityAsync(MainMenu.Reply(turn.Text(nameof(Strings.Welcome)), turn), cancellationToken);
    }
}
