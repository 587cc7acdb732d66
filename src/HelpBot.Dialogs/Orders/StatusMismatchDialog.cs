using HelpBot.AgentDesk.Cases;
using HelpBot.Dialogs.Changes;
using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Escalation;
using HelpBot.Dialogs.Problems;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.WrapUp;
using HelpBot.Platform.Apis;
using HelpBot.Platform.Errors;
using HelpBot.Platform.Models;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace HelpBot.Dialogs.Orders;

/// <summary>
/// 信息不同步: the app and the restaurant show different progress. Shows both states side by side, says which one to
/// trust and why (the restaurant's system is where the food is actually made), tells the customer that refreshing again
/// and again does not help, and hands it to platform support with both states in the case file.
/// </summary>
public sealed class StatusMismatchDialog : ProblemFlowDialog
{
    public const string DialogId = "statusMismatch";

    private readonly IMerchantBackendApi _merchant;
    private readonly TimeProvider _time;
    private readonly OrderStatusPresenter _presenter;
    private readonly ILogger<StatusMismatchDialog> _logger;

    public StatusMismatchDialog(IMerchantBackendApi merchant, TimeProvider time, OrderStatusPresenter presenter, ILogger<StatusMismatchDialog> logger)
        : base(DialogId, Intents.StatusMismatch, CaseRoutes.Platform, time)
    {
        _merchant = merchant;
        _time = time;
        _presenter = presenter;
        _logger = logger;
    }

    protected override async Task<DialogTurnResult> DiagnoseAsync(WaterfallStepContext step, ProblemCase problem, CancellationToken cancellationToken)
    {
        var (turn, order, file, now) = problem;

        MerchantOrderView view;
        try
        {
            view = await _merchant.GetMerchantOrderAsync(order.OrderNumber, cancellationToken);
        }
        catch (Exception ex) when (ex is PlatformApiException or PlatformUnavailableException)
        {
            _logger.LogWarning(ex, "Merchant backend unavailable while comparing states");
            await step.Context.SendActivityAsync(turn.PlatformUnavailableApology(), cancellationToken: cancellationToken);
            return await step.ReplaceDialogAsync(EscalationDialog.DialogId, new EscalationOptions(CaseRoutes.Platform), cancellationToken);
        }

        var appState = OrderStatusPresenter.StatusName(turn, order.Status);
        var restaurantState = view.Received && view.Status is { } status
            ? OrderStatusPresenter.StatusName(turn, status)
            : turn.Text(nameof(Strings.Mismatch_NotReceived));
        file.Checks.Add(new CaseCheck("app_status", order.Status.ToString(), CheckSources.OrderData, now));
        file.Checks.Add(new CaseCheck("merchant_status", view.Received ? view.Status?.ToString() ?? "unknown" : "not_received", CheckSources.OrderData, now));

        string verdict;
        if (!view.Received)
        {
            file.AddFinding("merchant_not_received");
            verdict = turn.Text(nameof(Strings.Mismatch_TrustNotReceived));
        }
        else if (view.Status == order.Status)
        {
            // Both sides agree ("was 2611… delivered"): nothing to reconcile; the status card answers, with what is next.
            file.AddFinding("states_agree");
            await step.Context.SendActivityAsync(turn.Format(nameof(Strings.Mismatch_Agree), appState), cancellationToken: cancellationToken);
            await step.Context.SendActivityAsync(_presenter.Present(order, turn), cancellationToken);
            return await step.EndAsync(order, cancellationToken);
        }
        else if (view.Status == OrderStatus.Cancelled)
        {
            file.AddFinding("merchant_cancelled_app_active");
            verdict = turn.Text(nameof(Strings.Mismatch_TrustRestaurantCancelled));
        }
        else
        {
            file.AddFinding("status_mismatch");
            verdict = turn.Text(nameof(Strings.Mismatch_TrustRestaurant));
        }

        var restaurantSince = view.UpdatedAt is { } updated ? _presenter.Clock(updated, now, turn.Culture) : "-";
        var text = turn.Format(nameof(Strings.Mismatch_Both), order.OrderNumber, appState, _presenter.Clock(order.StatusSince, now, turn.Culture), restaurantState, restaurantSince)
                   + "\n\n" + verdict + "\n\n" + turn.Text(nameof(Strings.Pitfall_DontRefresh)) + "\n\n" + turn.Text(nameof(Strings.Pitfall_KeepEvidence));
        step.SetValue("order", order.OrderNumber);
        // Cancel and reorder only while both sides still allow it: not for food the restaurant already gave the rider, nor
        // for an order the app already shows as cancelled.
        string[] actions = OrderRules.CanCancel(order, view.Received ? view.Status : null)
            ? [FlowActions.Escalate, FlowActions.CancelReorder]
            : [FlowActions.Escalate];
        return await step.PromptAsync(FlowActions.PromptId, FlowActions.Offer(turn, text, actions), cancellationToken);
    }

    protected override async Task<DialogTurnResult> ActAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not FoundChoice choice)
        {
            return await Reroute.ToRootAsync(step.Dialog, cancellationToken);
        }

        return choice.Value == FlowActions.CancelReorder
            ? await step.BeginDialogAsync(CancelAndReorderDialog.DialogId, new CancelOptions(step.GetValue<string>("order")!, "status_mismatch"), cancellationToken)
            : await step.ReplaceDialogAsync(EscalationDialog.DialogId, new EscalationOptions(CaseRoutes.Platform), cancellationToken);
    }
}
