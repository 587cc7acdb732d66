using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Problems;
using HelpBot.Dialogs.Turns;
using HelpBot.Platform.Apis;
using HelpBot.Platform.Errors;
using HelpBot.Platform.Models;
using Microsoft.Extensions.Logging;

namespace HelpBot.Dialogs.Orders;

/// <summary>
/// "Where is my order": which order (see <see cref="OrderLookupDialog"/>), then its status in plain words. An order the
/// app shows as with the restaurant is checked against the restaurant's own system first: when the restaurant has
/// cancelled it, saying "being prepared" would be wrong, so the two states are shown instead (<see cref="StatusMismatchDialog"/>).
/// </summary>
public sealed class OrderStatusDialog : WaterfallDialog
{
    public const string DialogId = "orderStatus";

    private readonly OrderStatusPresenter _presenter;
    private readonly IMerchantBackendApi _merchant;
    private readonly ILogger<OrderStatusDialog> _logger;

    public OrderStatusDialog(OrderStatusPresenter presenter, IMerchantBackendApi merchant, ILogger<OrderStatusDialog> logger)
        : base(DialogId)
    {
        _presenter = presenter;
        _merchant = merchant;
        _logger = logger;
        AddStep((step, ct) => step.BeginDialogAsync(OrderLookupDialog.DialogId, step.GetOptions<OrderLookupOptions>(), ct));
        AddStep(ShowAsync);
    }

    private async Task<DialogTurnResult> ShowAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is Order order)
        {
            if (order.Status is OrderStatus.Paid or OrderStatus.Accepted or OrderStatus.Preparing && await RestaurantCancelledAsync(order, cancellationToken))
            {
                return await step.ReplaceDialogAsync(StatusMismatchDialog.DialogId, new TroubleshootingOptions(order.OrderNumber, step.Context.Activity.Text), cancellationToken);
            }

            await step.Context.SendActivityAsync(_presenter.Present(order, step.Context.Turn()), cancellationToken);
        }

        return await step.EndAsync(step.Result, cancellationToken);
    }

    // The restaurant's side is a second opinion: when it cannot be read, the app's status is shown as it is.
    private async Task<bool> RestaurantCancelledAsync(Order order, CancellationToken cancellationToken)
    {
        try
        {
            var view = await _merchant.GetMerchantOrderAsync(order.OrderNumber, cancellationToken);
            return view.Received && view.Status == OrderStatus.Cancelled;
        }
        catch (Exception ex) when (ex is PlatformApiException or PlatformUnavailableException)
        {
            _logger.LogWarning(ex, "Merchant backend unavailable while showing an order's status");
            return false;
        }
    }
}
