using HelpBot.Dialogs.Dialogs;
using HelpBot.Dialogs.Runtime;
using HelpBot.Platform.Apis;
using HelpBot.Platform.Models;

namespace HelpBot.Dialogs.Troubleshooting;

/// <summary>"The restaurant's phone": which order, then the restaurant's name and number with what to tell them.</summary>
public sealed class MerchantContactDialog : WaterfallDialog
{
    public const string DialogId = "merchantContact";

    public MerchantContactDialog(IOrdersApi orders, TimeProvider time)
        : base(DialogId)
    {
        AddStep(OrderSteps.LookUpAsync);
        AddStep(async (step, ct) =>
        {
            if (step.Result is Order order)
            {
                await MerchantActions.ShowPhoneAsync(step.Context, orders, order.OrderNumber, time, ct);
            }

            return await step.EndAsync(null, ct);
        });
    }
}
