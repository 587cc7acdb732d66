using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Problems;
using HelpBot.Dialogs.Turns;
using HelpBot.Dialogs.WrapUp;
using HelpBot.Platform.Apis;
using HelpBot.Platform.Models;

namespace HelpBot.Dialogs.Escalation;

/// <summary>
/// "The restaurant's phone" (and what customers ask it for: wrong or missing items, a question about the food): which
/// order, the restaurant's name and number with what to tell them, then "is it solved?". Not solved sends the case,
/// with photos of the problem, to the restaurant (the merchant route).
/// </summary>
public sealed class MerchantContactDialog : WaterfallDialog
{
    public const string DialogId = "merchantContact";

    public MerchantContactDialog(IOrdersApi orders, TimeProvider time)
        : base(DialogId)
    {
        AddStep(OrderSteps.LookUpAsync);
        AddStep(async (step, ct) =>
        {
            if (step.Result is not Order order)
            {
                return await step.EndAsync(null, ct);
            }

            OrderSteps.OpenCase(step.Context.Turn(), Intents.ContactMerchant, order, time.GetUtcNow());
            await MerchantActions.ShowPhoneAsync(step.Context, orders, order.OrderNumber, time, ct);
            return await OrderSteps.WrapUpAsync(step, EscalationRoute.Merchant, ct);
        });
    }
}
