using HelpBot.AgentDesk.Cases;
using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Problems;
using HelpBot.Platform.Apis;

namespace HelpBot.Dialogs.Escalation;

/// <summary>
/// "The restaurant's phone" (and what customers ask it for: wrong or missing items, a question about the food): which
/// order, the restaurant's name and number with what to tell them, then "is it solved?". Not solved sends the case,
/// with photos of the problem, to the restaurant (the merchant route).
/// </summary>
public sealed class MerchantContactDialog : ProblemFlowDialog
{
    public const string DialogId = "merchantContact";

    private readonly IOrdersApi _orders;
    private readonly TimeProvider _time;

    public MerchantContactDialog(IOrdersApi orders, TimeProvider time)
        : base(DialogId, Intents.ContactMerchant, CaseRoutes.Merchant, time)
    {
        _orders = orders;
        _time = time;
    }

    // Nothing to choose: the number is the answer, and "is it solved?" follows.
    protected override async Task<DialogTurnResult> DiagnoseAsync(WaterfallStepContext step, ProblemCase problem, CancellationToken cancellationToken)
    {
        await MerchantActions.ShowPhoneAsync(step.Context, _orders, problem.Order.OrderNumber, _time, cancellationToken);
        return await step.NextAsync(null, cancellationToken);
    }
}
