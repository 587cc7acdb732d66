using HelpBot.AgentDesk.Cases;
using HelpBot.Dialogs.Changes;
using HelpBot.Dialogs.Delivery;
using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Escalation;
using HelpBot.Dialogs.Payment;
using HelpBot.Dialogs.Problems;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Turns;
using HelpBot.Platform.Apis;
using HelpBot.Platform.Errors;
using HelpBot.Platform.Models;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace HelpBot.Dialogs.Orders;

/// <summary>
/// 订单错误: an order that is not moving at the restaurant. Compares the app's view with the merchant backend's: an order
/// the restaurant never received is said to be so, with how long waiting still makes sense and three ways out (notify the
/// restaurant, call it, cancel and reorder). A slow kitchen gets the same options with its own advice. Orders that turn
/// out to be a payment, delivery or mismatch problem move on to that flow.
/// </summary>
public sealed class OrderStuckDialog : ProblemFlowDialog
{
    public const string DialogId = "orderStuck";

    /// <summary>Orders sometimes take a few minutes to reach the restaurant; before this, waiting a little is the advice.</summary>
    public static readonly TimeSpan SyncGrace = TimeSpan.FromMinutes(10);

    private readonly IOrdersApi _orders;
    private readonly IMerchantBackendApi _merchant;
    private readonly OrderStatusPresenter _presenter;
    private readonly TimeProvider _time;
    private readonly ILogger<OrderStuckDialog> _logger;

    public OrderStuckDialog(IOrdersApi orders, IMerchantBackendApi merchant, OrderStatusPresenter presenter, TimeProvider time, ILogger<OrderStuckDialog> logger)
        : base(DialogId, Intents.OrderStuck, CaseRoutes.Platform, time)
    {
        _presenter = presenter;
        _orders = orders;
        _merchant = merchant;
        _time = time;
        _logger = logger;
    }

    protected override async Task<DialogTurnResult> DiagnoseAsync(WaterfallStepContext step, ProblemCase problem, CancellationToken cancellationToken)
    {
        var (turn, order, file, now) = problem;
        var forward = new TroubleshootingOptions(order.OrderNumber, step.GetOptions<TroubleshootingOptions>()?.CustomerText);

        switch (order.Status)
        {
            case OrderStatus.Placed:
                return await step.ReplaceDialogAsync(PaymentDialog.DialogId, forward, cancellationToken);
            case OrderStatus.PickedUp or OrderStatus.Delivering:
                return await step.ReplaceDialogAsync(DeliveryDelayDialog.DialogId, forward, cancellationToken);
            case OrderStatus.Delivered or OrderStatus.Cancelled:
                // Past waiting ("一直卡着" about a delivered order): said so, then its status card, which says what is next.
                file.AddFinding("not_stuck");
                await step.Context.SendActivityAsync(
                    turn.Format(nameof(Strings.Stuck_NotStuck), order.OrderNumber, OrderStatusPresenter.StatusName(turn, order.Status)),
                    cancellationToken: cancellationToken);
                await step.Context.SendActivityAsync(_presenter.Present(order, turn), cancellationToken);
                return await step.EndAsync(order, cancellationToken);
        }

        MerchantOrderView view;
        try
        {
            view = await _merchant.GetMerchantOrderAsync(order.OrderNumber, cancellationToken);
        }
        catch (Exception ex) when (ex is PlatformApiException or PlatformUnavailableException)
        {
            _logger.LogWarning(ex, "Merchant backend unavailable while diagnosing a stuck order");
            await step.Context.SendActivityAsync(turn.PlatformUnavailableApology(), cancellationToken: cancellationToken);
            return await step.ReplaceDialogAsync(EscalationDialog.DialogId, new EscalationOptions(CaseRoutes.Platform), cancellationToken);
        }

        if (view.Received && view.Status == OrderStatus.Cancelled)
        {
            return await step.ReplaceDialogAsync(StatusMismatchDialog.DialogId, forward, cancellationToken);
        }

        var waited = now - order.StatusSince;
        var placedAgo = now - (order.Timeline.Count > 0 ? order.Timeline[0].At : order.StatusSince);
        string text;
        if (!view.Received)
        {
            file.AddFinding("merchant_not_received");
            var advice = placedAgo < SyncGrace ? nameof(Strings.Stuck_NotReceived_WaitABit) : nameof(Strings.Stuck_NotReceived_DontWait);
            text = turn.Format(
                       nameof(Strings.Stuck_NotReceived),
                       order.Merchant.Name,
                       OrderStatusPresenter.StatusName(turn, order.Status),
                       OrderStatusPresenter.Duration(placedAgo, turn))
                   + "\n\n" + turn.Text(advice) + "\n\n" + turn.Text(nameof(Strings.Stuck_Options));
        }
        else if ((order.Status == OrderStatus.Paid && waited > OrderStatusPresenter.UsualAcceptTime)
                 || (order.Status is OrderStatus.Accepted or OrderStatus.Preparing && waited > OrderStatusPresenter.UsualPreparingTime))
        {
            file.AddFinding(order.Status == OrderStatus.Paid ? "merchant_not_accepting" : "kitchen_slow");
            text = turn.Format(nameof(Strings.Stuck_KitchenSlow), order.Merchant.Name, OrderStatusPresenter.Duration(waited, turn))
                   + "\n\n" + turn.Text(nameof(Strings.Stuck_Options));
        }
        else
        {
            file.AddFinding("on_track");
            await step.Context.SendActivityAsync(
                turn.Format(nameof(Strings.Stuck_OnTrack), order.Merchant.Name, OrderStatusPresenter.StatusName(turn, order.Status), OrderStatusPresenter.Duration(waited, turn)),
                cancellationToken: cancellationToken);
            return await OrderSteps.WrapUpAsync(step, CaseRoutes.Merchant, cancellationToken);
        }

        step.SetValue("order", order.OrderNumber);
        return await step.PromptAsync(
            FlowActions.PromptId,
            OrderRules.CanCancel(order)
                ? FlowActions.Offer(turn, text, FlowActions.NotifyMerchant, FlowActions.MerchantPhone, FlowActions.CancelReorder, FlowActions.Escalate)
                : FlowActions.Offer(turn, text, FlowActions.NotifyMerchant, FlowActions.MerchantPhone, FlowActions.Escalate),
            cancellationToken);
    }

    protected override async Task<DialogTurnResult> ActAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not FoundChoice choice)
        {
            return await Reroute.ToRootAsync(step.Dialog, cancellationToken);
        }

        var turn = step.Context.Turn();
        var number = step.GetValue<string>("order")!;
        switch (choice.Value)
        {
            case FlowActions.CancelReorder:
                return await step.BeginDialogAsync(CancelAndReorderDialog.DialogId, new CancelOptions(number, "merchant_not_received"), cancellationToken);
            case FlowActions.Escalate:
                return await step.ReplaceDialogAsync(EscalationDialog.DialogId, new EscalationOptions(CaseRoutes.Platform), cancellationToken);
            case FlowActions.MerchantPhone:
                await MerchantActions.ShowPhoneAsync(step.Context, _orders, number, _time, cancellationToken);
                return await step.NextAsync(null, cancellationToken);
            default:
                await MerchantActions.NotifyAsync(step.Context, _orders, _merchant, number, _time, _logger, cancellationToken);
                return await step.NextAsync(null, cancellationToken);
        }
    }
}
