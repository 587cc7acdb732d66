using System.Text;
using HelpBot.AgentDesk.Cases;
using HelpBot.Dialogs.Changes;
using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Escalation;
using HelpBot.Dialogs.Orders;
using HelpBot.Dialogs.Payment;
using HelpBot.Dialogs.Problems;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Turns;
using HelpBot.Platform.Models;
using Microsoft.Bot.Builder;

namespace HelpBot.Dialogs.Delivery;

/// <summary>
/// 配送延迟. Reads the ETA history and the rider's last location update and names a cause only where the data shows
/// it (the platform's reason for each slip: kitchen, dispatch, weather, traffic, peak hours). Offers to reach the rider
/// (masked number), to change the delivery time, or to hand it to support for compensation.
/// </summary>
public sealed class DeliveryDelayDialog : ProblemFlowDialog
{
    public const string DialogId = "deliveryDelay";

    private readonly TimeProvider _time;
    private readonly OrderStatusPresenter _presenter;

    private static readonly string[] DeliveryComponent = [PlatformComponents.Delivery];

    private readonly PlatformIncidents _incidents;

    public DeliveryDelayDialog(TimeProvider time, OrderStatusPresenter presenter, PlatformIncidents incidents)
        : base(DialogId, Intents.DeliveryDelay, CaseRoutes.Platform, time)
    {
        _time = time;
        _presenter = presenter;
        _incidents = incidents;
    }

    protected override async Task<DialogTurnResult> DiagnoseAsync(WaterfallStepContext step, ProblemCase problem, CancellationToken cancellationToken)
    {
        var (turn, order, file, now) = problem;

        if (order.Status == OrderStatus.Placed)
        {
            // Not paid yet (failed, or charged but unconfirmed): the payment is why nothing moves.
            return await step.ReplaceDialogAsync(PaymentDialog.DialogId, step.GetOptions<TroubleshootingOptions>(), cancellationToken);
        }

        if (order.Status is OrderStatus.Paid or OrderStatus.Accepted or OrderStatus.Preparing)
        {
            // Not with a rider yet: the wait is at the restaurant.
            return await step.ReplaceDialogAsync(OrderStuckDialog.DialogId, step.GetOptions<TroubleshootingOptions>(), cancellationToken);
        }

        if (order.Status is not (OrderStatus.PickedUp or OrderStatus.Delivering))
        {
            await step.Context.SendActivityAsync(
                turn.Format(nameof(Strings.Stuck_NotStuck), order.OrderNumber, OrderStatusPresenter.StatusName(turn, order.Status)),
                cancellationToken: cancellationToken);
            return await OrderSteps.WrapUpAsync(step, CaseRoutes.Platform, cancellationToken);
        }

        var text = new StringBuilder();
        if (await _incidents.InAsync(DeliveryComponent, cancellationToken) is { Count: > 0 } incidents)
        {
            // A known delivery incident is the likeliest cause: said first, before the rider's signal is blamed.
            file.AddFinding("delivery_incident");
            foreach (var incident in incidents)
            {
                text.Append(_incidents.Describe(turn, incident)).Append("\n\n");
            }
        }

        if (order.Eta is { } passed && passed < now)
        {
            // An estimate in the past is no estimate: say how late it is.
            file.AddFinding("eta_passed");
            text.Append(turn.Format(nameof(Strings.Delay_OnTheWay), order.OrderNumber)).Append(' ')
                .Append(turn.Format(nameof(Strings.Order_EtaPassed), _presenter.Clock(passed, now, turn.Culture), OrderStatusPresenter.Duration(now - passed, turn)));
        }
        else
        {
            var eta = order.Eta is { } e ? _presenter.Clock(e, now, turn.Culture) : "-";
            text.Append(turn.Format(nameof(Strings.Delay_Eta), order.OrderNumber, eta));
        }
        if (order.EtaHistory.Count > 0)
        {
            file.AddFinding($"eta_slipped_{order.EtaHistory.Count}x");
            text.Append("\n\n").Append(turn.Format(nameof(Strings.Delay_Slipped), order.EtaHistory.Count));
            foreach (var change in order.EtaHistory)
            {
                text.Append("\n- ").Append(_presenter.Clock(change.ChangedAt, now, turn.Culture)).Append(' ')
                    .Append(turn.Format(nameof(Strings.Delay_SlipLine), _presenter.Clock(change.PreviousEta, now, turn.Culture), _presenter.Clock(change.NewEta, now, turn.Culture), Reason(turn, change.Reason)));
                if (change.Reason is { } reason)
                {
                    file.AddFinding($"delay_{reason}");
                }
            }
        }

        if (order.Rider is { } rider)
        {
            step.SetValue("rider", new[] { rider.Name, rider.MaskedPhone });
            if (rider.LastLocationAt is { } seen && now - seen > OrderStatusPresenter.RiderSilenceWorthMentioning)
            {
                file.AddFinding("rider_location_stale");
                text.Append("\n\n").Append(turn.Format(nameof(Strings.Delay_RiderSilent), rider.Name, OrderStatusPresenter.Duration(now - seen, turn)));
            }
            else
            {
                text.Append("\n\n").Append(turn.Format(nameof(Strings.Delay_RiderMoving), rider.Name));
            }
        }

        text.Append("\n\n").Append(turn.Text(nameof(Strings.Pitfall_DontWaitIdle)));
        step.SetValue("order", order.OrderNumber);
        return await step.PromptAsync(
            FlowActions.PromptId,
            FlowActions.Offer(turn, text.ToString(), FlowActions.ContactRider, FlowActions.ChangeDelivery, FlowActions.Escalate),
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
            case FlowActions.Escalate:
                return await step.ReplaceDialogAsync(EscalationDialog.DialogId, new EscalationOptions(CaseRoutes.Platform), cancellationToken);
            case FlowActions.ChangeDelivery:
                return await step.BeginDialogAsync(ChangeDeliveryDialog.DialogId, new ChangeDeliveryOptions(number, OnlyTime: true), cancellationToken);
            default:
                CaseFiles.Current(turn).Actions.Add(new CaseAction("rider_contact_shown", "done", _time.GetUtcNow()));
                var rider = step.GetValue<string[]>("rider");
                var text = rider is [var name, var phone] ? turn.Format(nameof(Strings.Delay_ContactRider), name, phone) : turn.Text(nameof(Strings.Delay_NoRider));
                await step.Context.SendActivityAsync(text, cancellationToken: cancellationToken);
                return await step.NextAsync(null, cancellationToken);
        }
    }

    private static string Reason(TurnInfo turn, string? reason) => turn.Text(reason switch
    {
        "kitchen_slow" => nameof(Strings.Reason_KitchenSlow),
        "dispatch" => nameof(Strings.Reason_Dispatch),
        "weather" => nameof(Strings.Reason_Weather),
        "traffic" => nameof(Strings.Reason_Traffic),
        "peak_hours" => nameof(Strings.Reason_PeakHours),
        _ => nameof(Strings.Reason_Unknown),
    });
}
