using HelpBot.AgentDesk.Cases;
using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Turns;
using HelpBot.Platform.Models;

namespace HelpBot.Dialogs.Problems;

/// <summary>
/// The shape every order-based problem flow shares, so a flow supplies only its specifics: which order
/// (<see cref="OrderSteps.LookUpAsync"/>), the case file opened for the flow's problem about that order, what the data
/// shows (<see cref="DiagnoseAsync"/>, which usually ends by offering actions through <see cref="FlowActions.PromptId"/>),
/// the chosen action (<see cref="ActAsync"/>), and "is it solved?" with the flow's escalation route.
/// </summary>
public abstract class ProblemFlowDialog : WaterfallDialog
{
    private readonly string _problemType;
    private readonly TimeProvider _time;

    /// <param name="problemType">The intent the case file is opened for (e.g. <c>Intents.PaymentFailed</c>).</param>
    protected ProblemFlowDialog(string id, string problemType, string route, TimeProvider time)
        : base(id)
    {
        _problemType = problemType;
        _time = time;
        AddStep(OrderSteps.LookUpAsync);
        AddStep(OpenCaseAsync);
        AddStep(ActAsync);
        AddStep((step, ct) => OrderSteps.WrapUpAsync(step, route, ct));
    }

    /// <summary>Receives the looked-up order and the case file just opened (or re-aimed) for it.</summary>
    protected abstract Task<DialogTurnResult> DiagnoseAsync(WaterfallStepContext step, ProblemCase problem, CancellationToken cancellationToken);

    /// <summary>Receives the chosen action (a <see cref="FoundChoice"/>), or whatever the diagnosis step passed on.</summary>
    protected virtual Task<DialogTurnResult> ActAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.NextAsync(null, cancellationToken);

    // No order (the lookup has told the customer why): the flow ends without a case.
    private async Task<DialogTurnResult> OpenCaseAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not Order order)
        {
            return await step.EndAsync(null, cancellationToken);
        }

        var turn = step.Context.Turn();
        var now = _time.GetUtcNow();
        var file = OrderSteps.OpenCase(turn, _problemType, order, now);
        return await DiagnoseAsync(step, new ProblemCase(turn, order, file, now), cancellationToken);
    }
}

/// <summary>What a problem flow's diagnosis starts from: the turn, the order, its case file, and the time it was opened.</summary>
public sealed record ProblemCase(TurnInfo Turn, Order Order, CaseFile File, DateTimeOffset Now);
