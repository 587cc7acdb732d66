using HelpBot.AgentDesk.Cases;
using HelpBot.Dialogs.Conversation;
using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Orders;
using HelpBot.Dialogs.Payment;
using HelpBot.Dialogs.Problems;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Turns;
using HelpBot.Platform.Apis;
using HelpBot.Platform.Errors;
using HelpBot.Platform.Models;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace HelpBot.Dialogs.Changes;

/// <summary>The order to cancel (null: ask which) and why, for the platform's records.</summary>
public sealed record CancelOptions(string? OrderNumber, string Reason, string? PickFrom = null);

/// <summary>
/// Cancel an order so the customer can order again. The confirm step says exactly what happens to the money before
/// anything is done; afterwards the customer learns the refund's amount, channel and date, and is reminded to keep the
/// evidence until the money is back. Ends with true when the order was cancelled.
/// </summary>
public sealed class CancelAndReorderDialog : WaterfallDialog
{
    public const string DialogId = "cancelAndReorder";
    public const string ConfirmPromptId = "cancelAndReorder.confirm";

    private readonly IOrdersApi _orders;
    private readonly OrderStatusPresenter _presenter;
    private readonly TimeProvider _time;
    private readonly ILogger<CancelAndReorderDialog> _logger;

    public CancelAndReorderDialog(IOrdersApi orders, OrderStatusPresenter presenter, TimeProvider time, ILogger<CancelAndReorderDialog> logger)
        : base(DialogId)
    {
        _orders = orders;
        _presenter = presenter;
        _time = time;
        _logger = logger;
        AddStep(OrderSteps.LookUpAsync);
        AddStep(ConfirmAsync);
        AddStep(CancelAsync);
    }

    public static Dialog Prompt() => new ConfirmPrompt(ConfirmPromptId, readAnswer: NaturalAnswers.YesNo);


    private async Task<DialogTurnResult> ConfirmAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not Order order)
        {
            return await step.EndAsync(false, cancellationToken);
        }

        var turn = step.Context.Turn();
        if (order.Status == OrderStatus.Cancelled)
        {
            // "取消的那单钱退了吗": nothing to cancel, and what the customer wants to know is where the money is.
            var (finding, whereTheMoneyIs) = Money.OfCancelledOrder(turn, order);
            turn.Data.Case?.AddFinding(finding);
            var already = turn.Format(nameof(Strings.Cancel_AlreadyCancelled), order.OrderNumber, order.Merchant.Name);
            await step.Context.SendActivityAsync(MainMenu.Reply(already + "\n\n" + whereTheMoneyIs, turn, Intents.HumanAgent), cancellationToken);
            return await step.EndAsync(false, cancellationToken);
        }

        if (!OrderRules.CanCancel(order))
        {
            // Said before anything is promised: no confirmation, no refund talk for an order that cannot be cancelled.
            turn.Data.Case?.Actions.Add(new CaseAction("cancel_order", "not_possible", _time.GetUtcNow(), order.Status.ToString()));
            var why = turn.Text(nameof(Strings.Cancel_NotCancellable)) + "\n\n" + _presenter.NextStep(order, turn);
            await step.Context.SendActivityAsync(MainMenu.Reply(why, turn, Intents.HumanAgent), cancellationToken);
            return await step.EndAsync(false, cancellationToken);
        }

        step.SetValue("order", order.OrderNumber);

        var money = order.Payment.CustomerCharged
            ? turn.Format(nameof(Strings.Cancel_MoneyBack), Money.Amount(order.Payment.Amount, order.Payment.Currency), Money.Channel(turn, order.Payment.Channel))
            : turn.Text(nameof(Strings.Cancel_NothingCharged));
        var yes = turn.Text(nameof(Strings.Button_CancelYes));
        var no = turn.Text(nameof(Strings.Button_CancelNo));
        return await step.PromptAsync(ConfirmPromptId, new PromptOptions
        {
            Prompt = MainMenu.Question(turn.Format(nameof(Strings.Cancel_Confirm), order.OrderNumber, order.Merchant.Name, money), yes, no),
            Choices = [new Choice(ConfirmPrompt.YesValue, yes), new Choice(ConfirmPrompt.NoValue, no)],
            MaxAttempts = 1,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> CancelAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not bool confirmed)
        {
            return await Reroute.ToRootAsync(step.Dialog, cancellationToken);
        }

        var turn = step.Context.Turn();
        var options = step.GetOptions<CancelOptions>()!;
        var number = step.GetValue<string>("order")!;
        var file = turn.Data.Case;
        if (!confirmed)
        {
            file?.Actions.Add(new CaseAction("cancel_order", "declined", _time.GetUtcNow()));
            await step.Context.SendActivityAsync(turn.Text(nameof(Strings.Cancel_Kept)), cancellationToken: cancellationToken);
            return await step.EndAsync(false, cancellationToken);
        }

        try
        {
            var result = await _orders.CancelOrderAsync(
                number,
                new CancelOrderRequest(turn.PlatformUserId ?? "verified-by-phone", options.Reason),
                Idempotency.Key(step.Context.Activity.Conversation.Id, "cancel", number),
                cancellationToken);
            var refund = result.Refund;
            var text = refund.State == "none"
                ? turn.Text(nameof(Strings.Cancel_DoneNoRefund))
                : turn.Format(
                    nameof(Strings.Cancel_DoneRefund),
                    Money.Amount(refund.Amount, refund.Currency),
                    Money.Channel(turn, refund.Channel),
                    refund.ExpectedBy is { } by ? _presenter.Clock(by, _time.GetUtcNow(), turn.Culture) : "-");
            file?.Actions.Add(new CaseAction("cancel_order", "done", _time.GetUtcNow(), $"refund {refund.State} {refund.Amount} {refund.Currency}"));
            await step.Context.SendActivityAsync(text + "\n\n" + turn.Text(nameof(Strings.Cancel_Reorder)), cancellationToken: cancellationToken);
            return await step.EndAsync(true, cancellationToken);
        }
        catch (PlatformApiException ex) when (ex.Code == PlatformErrorCodes.OrderNotCancellable)
        {
            file?.Actions.Add(new CaseAction("cancel_order", "failed", _time.GetUtcNow(), ex.Code));
            await step.Context.SendActivityAsync(turn.Text(nameof(Strings.Cancel_NotCancellable)), cancellationToken: cancellationToken);
            return await step.EndAsync(false, cancellationToken);
        }
        catch (Exception ex) when (ex is PlatformApiException or PlatformUnavailableException)
        {
            _logger.LogWarning(ex, "Cancelling the order failed");
            file?.Actions.Add(new CaseAction("cancel_order", "failed", _time.GetUtcNow()));
            await step.Context.SendActivityAsync(turn.Text(nameof(Strings.Cancel_Failed)), cancellationToken: cancellationToken);
            return await step.EndAsync(false, cancellationToken);
        }
    }
}
