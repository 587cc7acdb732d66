using HelpBot.AgentDesk.Cases;
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

    private readonly TimeProvider _time;
    private readonly OrderStatusPresenter _presenter;

    public PaymentDialog(TimeProvider time, OrderStatusPresenter presenter)
        : base(DialogId, Intents.PaymentFailed, CaseRoutes.Platform, time)
    {
        _time = time;
        _presenter = presenter;
    }

    protected override async Task<DialogTurnResult> DiagnoseAsync(WaterfallStepContext step, ProblemCase problem, CancellationToken cancellationToken)
    {
        var (turn, order, file, now) = problem;
        var payment = order.Payment;
        var amount = Money.Amount(payment.Amount, payment.Currency);
        var channel = Money.Channel(turn, payment.Channel);
        var checks = new List<string>();

        if (payment.State == PaymentState.Unpaid && payment.CustomerCharged)
        {
            file.AddFinding("charged_but_unpaid");
            var charged = payment.ChargedAt is { } at ? _presenter.Clock(at, now, turn.Culture) : "-";
            var text = turn.Format(nameof(Strings.Payment_ChargedButUnpaid), amount, channel, charged) + "\n\n" + turn.Text(nameof(Strings.Pitfall_KeepEvidence));
            return await step.PromptAsync(FlowActions.PromptId, FlowActions.Offer(turn, text, FlowActions.Escalate, FlowActions.Wait), cancellationToken);
        }

        switch (payment.State)
        {
            case PaymentState.Failed when payment.FailureCode == PaymentFailureCodes.CardLimitExceeded:
                file.AddFinding("card_limit_exceeded");
                await Say(step, cancellationToken, turn.Format(nameof(Strings.Payment_CardLimit), amount, channel));
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
