using HelpBot.AgentDesk.Cases;
using HelpBot.Dialogs.Changes;
using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Escalation;
using HelpBot.Dialogs.Orders;
using HelpBot.Dialogs.Problems;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Turns;
using HelpBot.Platform.Models;
using Microsoft.Bot.Builder;

namespace HelpBot.Dialogs.Payment;

/// <summary>
/// 支付失败 and charged-but-unpaid. Reads the payment state and failure code and says what happened: a channel error
/// (not charged: pay again later or another way), a card limit (another method or a higher limit), or the dangerous one,
/// charged but unpaid: do not pay again, how reconciliation and the automatic refund work and how long they take, keep
/// the evidence, and the offer to hand it to support. Then only the self-checks the data cannot answer.
/// </summary>
public sealed class PaymentDialog : ProblemFlowDialog
{
    public const string DialogId = "payment";

    private static readonly string[] PaymentComponent = [PlatformComponents.Payment];

    private readonly TimeProvider _time;
    private readonly OrderStatusPresenter _presenter;
    private readonly PlatformIncidents _incidents;

    public PaymentDialog(TimeProvider time, OrderStatusPresenter presenter, PlatformIncidents incidents)
        : base(DialogId, Intents.PaymentFailed, CaseRoutes.Platform, time)
    {
        _time = time;
        _presenter = presenter;
        _incidents = incidents;
    }

    protected override async Task<DialogTurnResult> DiagnoseAsync(WaterfallStepContext step, ProblemCase problem, CancellationToken cancellationToken)
    {
        var (turn, order, file, now) = problem;
        var options = step.GetOptions<TroubleshootingOptions>();
        var payment = order.Payment;
        var refund = options?.Problem == Intents.Refund;
        // A refund case is about money to come back (a cancelled or paid order); money taken for an unpaid order is a
        // payment failure however it was put.
        var isRefundCase = order.Status == OrderStatus.Cancelled || (refund && payment.State is PaymentState.Paid or PaymentState.Refunded);
        file.ProblemType = isRefundCase ? Intents.Refund : Intents.PaymentFailed;
        var amount = Money.Amount(payment.Amount, payment.Currency);
        var channel = Money.Channel(turn, payment.Channel);
        var checks = new List<string>();

        if (order.Status == OrderStatus.Cancelled)
        {
            var (finding, text) = Money.OfCancelledOrder(turn, order);
            file.AddFinding(finding);
            await Say(step, cancellationToken, text);
            return await step.NextAsync(null, cancellationToken);
        }

        if (refund && payment.State == PaymentState.Paid)
        {
            // Money back for an order still going: cancelling is how, where the order allows it (the confirmation says
            // what happens to the money); otherwise support decides.
            if (OrderRules.CanCancel(order))
            {
                return await step.ReplaceDialogAsync(CancelAndReorderDialog.DialogId, new CancelOptions(order.OrderNumber, "refund_request"), cancellationToken);
            }

            file.AddFinding("refund_needs_review");
            var needsSupport = turn.Format(nameof(Strings.Refund_NeedsSupport), order.OrderNumber, OrderStatusPresenter.StatusName(turn, order.Status));
            return await step.PromptAsync(FlowActions.PromptId, FlowActions.Offer(turn, needsSupport, FlowActions.Escalate), cancellationToken);
        }

        if (payment.State is PaymentState.Failed or PaymentState.Unpaid && !payment.CustomerCharged
            && await _incidents.InAsync(PaymentComponent, cancellationToken) is { Count: > 0 } incidents)
        {
            // A known payment outage explains the failure: say it, and that retrying now only risks double charges.
            file.AddFinding("payment_incident");
            foreach (var incident in incidents)
            {
                await Say(step, cancellationToken, _incidents.Describe(turn, incident));
            }

            await Say(step, cancellationToken, turn.Text(nameof(Strings.AppDown_IncidentSafe)));
            return await step.NextAsync(null, cancellationToken);
        }

        if (payment.State == PaymentState.Unpaid && payment.CustomerCharged)
        {
            file.AddFinding("charged_but_unpaid");
            var charged = payment.ChargedAt is { } at ? _presenter.Clock(at, now, turn.Culture) : "-";
            var text = turn.Format(nameof(Strings.Payment_ChargedButUnpaid), amount, channel, charged, order.OrderNumber, order.Merchant.Name) + "\n\n" + turn.Text(nameof(Strings.Pitfall_KeepEvidence));
            return await step.PromptAsync(FlowActions.PromptId, FlowActions.Offer(turn, text, FlowActions.Escalate, FlowActions.Wait), cancellationToken);
        }

        switch (payment.State)
        {
            case PaymentState.Failed when payment.FailureCode == PaymentFailureCodes.CardLimitExceeded:
                file.AddFinding("card_limit_exceeded");
                await Say(step, cancellationToken, turn.Format(nameof(Strings.Payment_CardLimit), amount, channel));
                break;
            case PaymentState.Failed when payment.FailureCode == PaymentFailureCodes.InsufficientFunds:
                // The code says why: no self-check can add to it.
                file.AddFinding("insufficient_funds");
                await Say(step, cancellationToken, turn.Format(nameof(Strings.Payment_FailedOther), amount, channel) + "\n\n" + turn.Text(nameof(Strings.Payment_BalanceShort)));
                break;
            case PaymentState.Failed when payment.FailureCode == PaymentFailureCodes.ChannelError:
                file.AddFinding("payment_channel_error");
                await Say(step, cancellationToken, turn.Format(nameof(Strings.Payment_ChannelError), amount, channel));
                checks.AddRange([CheckNames.Network, CheckNames.PaymentMethod, CheckNames.AppVersion]);
                break;
            case PaymentState.Failed:
                file.AddFinding("payment_failed");
                await Say(step, cancellationToken, turn.Format(nameof(Strings.Payment_FailedOther), amount, channel));
                checks.AddRange([CheckNames.Network, CheckNames.PaymentMethod, CheckNames.AppVersion]);
                break;
            case PaymentState.Unpaid:
                file.AddFinding("not_paid");
                await Say(step, cancellationToken, turn.Format(nameof(Strings.Payment_NotPaid), amount));
                checks.AddRange([CheckNames.Network, CheckNames.PaymentMethod, CheckNames.AppVersion]);
                break;
            case PaymentState.Refunded:
                file.AddFinding("refunded");
                await Say(step, cancellationToken, turn.Format(nameof(Strings.Payment_Refunded), amount, channel));
                break;
            default:
                file.AddFinding("paid");
                var paidAt = payment.ChargedAt is { } at ? _presenter.Clock(at, now, turn.Culture) : "-";
                await Say(step, cancellationToken, turn.Format(nameof(Strings.Payment_Paid), amount, channel, paidAt));
                break;
        }

        if (checks.Count == 0)
        {
            return await step.NextAsync(null, cancellationToken);
        }

        return await step.BeginDialogAsync(SelfCheckDialog.DialogId, new SelfCheckOptions(checks, step.GetOptions<TroubleshootingOptions>()?.CustomerText), cancellationToken);
    }

    protected override async Task<DialogTurnResult> ActAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Context.Turn();
        if (step.Result is FoundChoice choice)
        {
            if (choice.Value == FlowActions.Escalate)
            {
                return await step.ReplaceDialogAsync(EscalationDialog.DialogId, new EscalationOptions(CaseRoutes.Platform), cancellationToken);
            }

            await step.Context.SendActivityAsync(turn.Text(nameof(Strings.Payment_WaitForRefund)), cancellationToken: cancellationToken);
        }
        else if (step.Result is PromptAttemptsExhausted)
        {
            return await Reroute.ToRootAsync(step.Dialog, cancellationToken);
        }

        return await step.NextAsync(null, cancellationToken);
    }

    private static Task Say(WaterfallStepContext step, CancellationToken cancellationToken, string text) =>
        step.Context.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
}
