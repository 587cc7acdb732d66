using HelpBot.Platform.Models;

namespace HelpBot.Dialogs.Orders;

/// <summary>
/// What an order's state still allows, as the platform decides it (docs/platform-api.md): the bot never offers what
/// the platform would refuse. Where the restaurant's system is further along than the app (food already with the
/// rider), that state counts.
/// </summary>
public static class OrderRules
{
    /// <summary>Cancelling is possible until the rider has the food.</summary>
    public static bool CanCancel(OrderStatus status) =>
        status is not (OrderStatus.PickedUp or OrderStatus.Delivering or OrderStatus.Delivered or OrderStatus.Cancelled);

    public static bool CanCancel(Order order, OrderStatus? restaurantStatus = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        return CanCancel(order.Status) && (restaurantStatus is not { } seen || CanCancel(seen) || seen == OrderStatus.Cancelled);
    }

    /// <summary>The delivery address or time can change until the order is delivered or cancelled.</summary>
    public static bool CanChangeDelivery(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Status is not (OrderStatus.Delivered or OrderStatus.Cancelled);
    }
}
