using HelpBot.AgentDesk.Cases;
using HelpBot.Dialogs.AppStatus;
using HelpBot.Dialogs.Changes;
using HelpBot.Dialogs.Delivery;
using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Escalation;
using HelpBot.Dialogs.Orders;
using HelpBot.Dialogs.Payment;
using HelpBot.Dialogs.Problems;
using HelpBot.Language.Answers;
using HelpBot.Language.Text;
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

    /// <summary>A problem named next to a request for a person ("X 这单扣款有问题 直接找人工") from this score on goes into the case.</summary>
    public const double StatedProblemFrom = 0.1;

    private static readonly string[] Problems =
    [
        Intents.OrderStuck, Intents.PaymentFailed, Intents.Refund, Intents.DeliveryDelay, Intents.StatusMismatch, Intents.AppUnavailable,
        Intents.CancelOrder, Intents.ChangeOrder, Intents.ContactMerchant,
    ];

    private readonly ITurnIntentRecognizer _recognizer;
    private readonly TimeProvider _time;

    public RootDialog(ITurnIntentRecognizer recognizer, TimeProvider time)
        : base(DialogId)
    {
        _recognizer = recognizer;
        _time = time;
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var turn = dc.Context.Turn();
        // "取消 A，不对不对，是 B": about B only.
        var text = dc.Context.Activity.Text is { } said ? OrderRequests.WithoutCorrectedNumbers(said, OrderNumber.FindAll) : null;
        var requests = OrderRequests.Split(text, OrderNumber.FindAll);
        if (requests.Count >= 2)
        {
            // Several orders in one message: each gets its own flow, one after another (see ResumeDialogAsync).
            turn.Data.QueuedRequests = [.. requests.Skip(1).Select(r => r.Text)];
            await dc.Context.SendActivityAsync(
                turn.Format(nameof(Strings.Multi_OneAtATime), requests.Count, requests[0].OrderNumber, string.Join(", ", requests.Skip(1).Select(r => r.OrderNumber))),
                cancellationToken: cancellationToken);
            return await RouteAsync(dc, requests[0].Text, cancellationToken);
        }

        // A new message is a new request: what was left of an earlier one is dropped.
        turn.Data.QueuedRequests = null;
        return await RouteAsync(dc, text, cancellationToken);
    }

    private async Task<DialogTurnResult> RouteAsync(DialogContext dc, string? text, CancellationToken cancellationToken)
    {
        var turn = dc.Context.Turn();
        var fromButton = MainMenu.Match(text);
        var intent = fromButton is not null
            ? new TurnIntent(fromButton, 1, null)
            : await _recognizer.RecognizeAsync(text, turn.Language, cancellationToken);

        // "输错了，应该是9000" right after a failed phone check: the same request, for the same order, with these digits.
        var retry = turn.Data.PhoneCheckRetry;
        turn.Data.PhoneCheckRetry = null;
        if (fromButton is null && retry is not null && intent.OrderNumber is null && DigitAnswerReader.Read(text, 4) is { } digits)
        {
            turn.SuppliedPhoneDigits = digits;
            return await dc.BeginDialogAsync(retry.DialogId, retry.Options, cancellationToken);
        }

        if (fromButton is null && IsCorrection(turn, intent, text))
        {
            return await CorrectAsync(dc, intent, text, cancellationToken);
        }

        if (NeedsClarifying(intent) is { Count: >= 2 } candidates)
        {
            var question = MainMenu.Question(turn.Text(nameof(Strings.Clarify_Which)), [.. candidates.Select(c => MainMenu.Title(turn, c))]);
            await dc.Context.SendActivityAsync(question, cancellationToken);
            return await dc.EndDialogAsync(null, cancellationToken);
        }

        // Missing, wrong or undercooked food only the restaurant can put right (unless the customer asks for money back
        // or a person): the restaurant's way, whatever else the message reads as.
        if (fromButton is null && intent.Intent is not (Intents.Refund or Intents.HumanAgent or Intents.CancelOrder) && AnswerReader.MentionsFoodProblem(text))
        {
            return await dc.BeginDialogAsync(MerchantContactDialog.DialogId, Problem(turn, intent, text), cancellationToken);
        }

        // "please cancel 2611…, I was charged but it says unpaid": the cancellation asked for is what to do, the rest is
        // why (the confirmation says what happens to the money).
        if (fromButton is null && Problems.Contains(intent.Intent) && intent.Intent is not (Intents.CancelOrder or Intents.ChangeOrder)
            && await AsksForCancellationInAClauseAsync(turn, text, cancellationToken))
        {
            intent = intent with { Intent = Intents.CancelOrder };
        }

        // "what's their number, I'll call" right after an order was shown: the restaurant of that order, not "not understood".
        if (fromButton is null && intent.Intent == Intents.None && turn.Data.CurrentOrderNumber is not null
            && ActionReader.Read(text, RestaurantFollowUps) is not null)
        {
            intent = intent with { Intent = Intents.ContactMerchant };
        }

        switch (intent.Intent)
        {
            case Intents.OrderStatus:
                var (toShow, showPick) = WhichOrder(turn, intent, text);
                return await dc.BeginDialogAsync(OrderStatusDialog.DialogId, new OrderLookupOptions(toShow, PickFrom: showPick), cancellationToken);
            case Intents.OrderStuck:
                return await dc.BeginDialogAsync(OrderStuckDialog.DialogId, Problem(turn, intent, text), cancellationToken);
            case Intents.PaymentFailed or Intents.Refund:
                return await dc.BeginDialogAsync(PaymentDialog.DialogId, Problem(turn, intent, text), cancellationToken);
            case Intents.DeliveryDelay:
                return await dc.BeginDialogAsync(DeliveryDelayDialog.DialogId, Problem(turn, intent, text), cancellationToken);
            case Intents.StatusMismatch:
                return await dc.BeginDialogAsync(StatusMismatchDialog.DialogId, Problem(turn, intent, text), cancellationToken);
            case Intents.AppUnavailable:
                return await dc.BeginDialogAsync(AppUnavailableDialog.DialogId, Problem(turn, intent, text), cancellationToken);
            case Intents.CancelOrder:
                var (toCancel, cancelPick) = WhichOrder(turn, intent, text);
                return await dc.BeginDialogAsync(CancelAndReorderDialog.DialogId, new CancelOptions(toCancel, "customer_request", cancelPick), cancellationToken);
            case Intents.ChangeOrder:
                var (toChange, changePick) = WhichOrder(turn, intent, text);
                return await dc.BeginDialogAsync(ChangeDeliveryDialog.DialogId, new ChangeDeliveryOptions(toChange, Request: text, PickFrom: changePick), cancellationToken);
            case Intents.ContactMerchant:
                return await dc.BeginDialogAsync(MerchantContactDialog.DialogId, Problem(turn, intent, text), cancellationToken);

            case Intents.HumanAgent:
                // A person, at any step: the case so far (if any) goes with it to platform support, with the order and
                // problem the customer named in the same message.
                await StateProblemAsync(turn, intent, text, cancellationToken);
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

    /// <summary>
    /// The problem named beside a request for a person: read clause by clause ("2611… 这单扣款有问题 | 直接找人工吧"), as
    /// the whole message reads as the request for a person; else the likeliest problem among the whole message's readings.
    /// </summary>
    private async Task<string?> StatedProblemAsync(TurnInfo turn, TurnIntent intent, string? text, CancellationToken cancellationToken)
    {
        var clauses = OrderRequests.Clauses(text);
        if (clauses.Count >= 2)
        {
            var best = (Intent: (string?)null, Score: 0.0);
            foreach (var clause in clauses)
            {
                var reading = await _recognizer.RecognizeAsync(clause, turn.Language, cancellationToken);
                if (Problems.Contains(reading.Intent) && reading.Score >= ClauseProblemFrom && reading.Score > best.Score)
                {
                    best = (reading.Intent, reading.Score);
                }
            }

            if (best.Intent is not null)
            {
                return best.Intent;
            }
        }

        return intent.Alternatives.Where(a => Problems.Contains(a.Intent) && a.Score >= StatedProblemFrom).OrderByDescending(a => a.Score).FirstOrDefault()?.Intent;
    }

    private const double ClauseProblemFrom = 0.5;

    /// <summary>One clause of several asks for a cancellation, in words and as the recognizer reads it.</summary>
    private async Task<bool> AsksForCancellationInAClauseAsync(TurnInfo turn, string? text, CancellationToken cancellationToken)
    {
        var clauses = OrderRequests.Clauses(text);
        if (clauses.Count < 2)
        {
            return false;
        }

        foreach (var clause in clauses)
        {
            if (AnswerReader.AsksForCancellation(clause)
                && await _recognizer.RecognizeAsync(clause, turn.Language, cancellationToken) is { Intent: Intents.CancelOrder, Score: >= ClauseActionFrom })
            {
                return true;
            }
        }

        return false;
    }

    private const double ClauseActionFrom = 0.8;

    private static readonly string[] RestaurantFollowUps = ["merchant_phone", "notify_merchant"];

    /// <summary>A correction needs something to correct, and a confident new problem is that problem, not a correction.</summary>
    private static bool IsCorrection(TurnInfo turn, TurnIntent intent, string? text) =>
        (turn.Data.CurrentOrderNumber is not null || turn.Data.Case is not null)
        && intent.Intent is not Intents.HumanAgent
        && !(intent.Intent is Intents.CancelOrder or Intents.ChangeOrder && AnswerReader.AsksToCancelOrChange(text))
        && !(intent.Score >= ConfidentNewProblem && Problems.Contains(intent.Intent) && intent.Intent is not (Intents.CancelOrder or Intents.ChangeOrder)
             && intent.Intent != turn.Data.Case?.ProblemType)
        && AnswerReader.Read(text).IsCorrection;

    private const double ConfidentNewProblem = 0.7;

    /// <summary>
    /// "打错了，是 X", "不是这单", "sorry I meant 0007", "check a different order": the same request again, about the order
    /// now named (or picked from the customer's list), never the one the conversation was about.
    /// </summary>
    private static Task<DialogTurnResult> CorrectAsync(DialogContext dc, TurnIntent intent, string? text, CancellationToken cancellationToken)
    {
        var turn = dc.Context.Turn();
        var number = intent.OrderNumber;
        if (number is null)
        {
            turn.Data.CurrentOrderNumber = null;
        }

        var problem = turn.Data.Case?.ProblemType;
        var forward = new TroubleshootingOptions(number, text, PickFrom: number is null ? text : null);
        return problem switch
        {
            Intents.OrderStuck => dc.BeginDialogAsync(OrderStuckDialog.DialogId, forward, cancellationToken),
            Intents.PaymentFailed or Intents.Refund => dc.BeginDialogAsync(PaymentDialog.DialogId, forward with { Problem = problem }, cancellationToken),
            Intents.DeliveryDelay => dc.BeginDialogAsync(DeliveryDelayDialog.DialogId, forward, cancellationToken),
            Intents.StatusMismatch => dc.BeginDialogAsync(StatusMismatchDialog.DialogId, forward, cancellationToken),
            Intents.ChangeOrder => dc.BeginDialogAsync(ChangeDeliveryDialog.DialogId, new ChangeDeliveryOptions(number, Request: text), cancellationToken),
            _ => dc.BeginDialogAsync(OrderStatusDialog.DialogId, new OrderLookupOptions(number, PickFrom: number is null ? text : null), cancellationToken),
        };
    }

    private async Task StateProblemAsync(TurnInfo turn, TurnIntent intent, string? text, CancellationToken cancellationToken)
    {
        var problem = await StatedProblemAsync(turn, intent, text, cancellationToken);
        if (problem is null && intent.OrderNumber is null)
        {
            return;
        }

        var file = problem is not null || turn.Data.Case is null ? CaseFiles.Open(turn, problem ?? Intents.HumanAgent, _time.GetUtcNow()) : turn.Data.Case;
        if (intent.OrderNumber is { } number)
        {
            // The escalation shows the agent this order only when the customer may see it (their own, or verified).
            file.OrderNumber = number;
        }
    }

    private static TroubleshootingOptions Problem(TurnInfo turn, TurnIntent intent, string? text)
    {
        var (number, pickFrom) = WhichOrder(turn, intent, text);
        return new(number, text, PickFrom: pickFrom, Problem: intent.Intent);
    }

    /// <summary>
    /// The order a request is about: the number it names; for "对了 我另一单支付失败了" / "the other one" not the order in
    /// focus but the one other order mentioned in this conversation, or, when that is not one, picked from the list.
    /// </summary>
    private static (string? Number, string? PickFrom) WhichOrder(TurnInfo turn, TurnIntent intent, string? text) =>
        intent.OrderNumber is { } named ? (named, null)
        : !AnswerReader.MentionsAnotherOrder(text) ? (null, null)
        : turn.Data.OtherMentionedOrder() is { } other ? (other, null)
        : (null, text);

    /// <summary>A flow ended: the next order of a several-orders message, if any, else done.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        var turn = dc.Context.Turn();
        if (turn.Data.QueuedRequests is { Count: > 0 } queued)
        {
            var next = queued[0];
            queued.RemoveAt(0);
            turn.Data.QueuedRequests = queued.Count == 0 ? null : queued;
            if (OrderNumber.Find(next) is { } number)
            {
                await dc.Context.SendActivityAsync(turn.Format(nameof(Strings.Multi_MovingOn), number), cancellationToken: cancellationToken);
            }

            return await RouteAsync(dc, next, cancellationToken);
        }

        return await dc.EndDialogAsync(result, cancellationToken);
    }

    public static Task SendWelcomeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var turn = turnContext.Turn();
        turn.Data.Welcomed = true;
        return turnContext.SendActivityAsync(MainMenu.Reply(turn.Text(nameof(Strings.Welcome)), turn), cancellationToken);
    }
}
