using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.WrapUp;

namespace HelpBot.Dialogs.Problems;

/// <summary>
/// The shape every order-based problem flow shares: which order (<see cref="OrderSteps.LookUpAsync"/>), what the data
/// shows (<see cref="DiagnoseAsync"/>, which usually ends by offering actions through <see cref="FlowActions.PromptId"/>),
/// the chosen action (<see cref="ActAsync"/>), and "is it solved?" with the flow's escalation route.
/// </summary>
public abstract class ProblemFlowDialog : WaterfallDialog
{
    protected ProblemFlowDialog(string id, EscalationRoute route)
        : base(id)
    {
        AddStep(OrderSteps.LookUpAsync);
        AddStep(DiagnoseAsync);
        AddStep(ActAsync);
        AddStep((step, ct) => OrderSteps.WrapUpAsync(step, route, ct));
    }

    /// <summary>Receives the looked-up order (or null when there is none) as <see cref="WaterfallStepContext.Result"/>.</summary>
    protected abstract Task<DialogTurnResult> DiagnoseAsync(WaterfallStepContext step, CancellationToken cancellationToken);

    /// <summary>Receives the chosen action (a <see cref="FoundChoice"/>), or whatever the diagnosis step passed on.</summary>
    protected abstract Task<DialogTurnResult> ActAsync(WaterfallStepContext step, CancellationToken cancellationToken);
}
