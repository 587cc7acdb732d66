using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Turns;
using HelpBot.Platform.Models;

namespace HelpBot.Dialogs.Orders;

/// <summary>"Where is my order": which order (see <see cref="OrderLookupDialog"/>), then its status in plain words.</summary>
public sealed class OrderStatusDialog : WaterfallDialog
{
    public const string DialogId = "orderStatus";

    private readonly OrderStatusPresenter _presenter;

    public OrderStatusDialog(OrderStatusPresenter presenter)
        : base(DialogId)
    {
        _presenter = presenter;
        AddStep((step, ct) => step.BeginDialogAsync(OrderLookupDialog.DialogId, step.GetOptions<OrderLookupOptions>(), ct));
        AddStep(ShowAsync);
    }

    private async Task<DialogTurnResult> ShowAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is Order order)
        {
            await step.Context.SendActivityAsync(_presenter.Present(order, step.Context.Turn()), cancellationToken);
        }

        return await step.EndAsync(step.Result, cancellationToken);
    }
}
