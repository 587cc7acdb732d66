using HelpBot.Dialogs.Conversation;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Runtime;
using Microsoft.Bot.Builder;

namespace HelpBot.Dialogs.Dialogs;

/// <summary>
/// Where every new request starts: works out what the customer wants (a menu button, an order number, or free text)
/// and starts the flow for it. It never waits itself, so the next message is routed afresh.
/// </summary>
public sealed class RootDialog : Dialog
{
    public const string DialogId = "root";

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

        switch (intent.Intent)
        {
            case Intents.OrderStatus or Intents.OrderStuck or Intents.PaymentFailed or Intents.DeliveryDelay
                or Intents.StatusMismatch or Intents.CancelOrder or Intents.ChangeOrder or Intents.Refund or Intents.ContactMerchant:
                return await dc.BeginDialogAsync(OrderStatusDialog.DialogId, new OrderStatusOptions(intent.OrderNumber), cancellationToken);

            case Intents.AppUnavailable:
                await dc.Context.SendActivityAsync(MainMenu.Reply(turn.Text(nameof(Strings.AppDown_SelfChecks)), turn, Intents.OrderStatus, Intents.HumanAgent), cancellationToken);
                break;

            case Intents.HumanAgent:
                await dc.Context.SendActivityAsync(MainMenu.Reply(turn.Text(nameof(Strings.Human_HowToReach)), turn, Intents.OrderStatus), cancellationToken);
                break;

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

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(result, cancellationToken);

    public static Task SendWelcomeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var turn = turnContext.Turn();
        turn.Data.Welcomed = true;
        return turnContext.SendActivityAsync(MainMenu.Reply(turn.Text(nameof(Strings.Welcome)), turn), cancellationToken);
    }
}
