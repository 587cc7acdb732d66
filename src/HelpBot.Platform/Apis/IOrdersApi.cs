using HelpBot.Platform.Models;
using Refit;

namespace HelpBot.Platform.Apis;

/// <summary>The platform's order service: orders as the customer's app shows them, and the customer's own actions on them.</summary>
public interface IOrdersApi
{
    /// <summary>Most recent orders first. 404 <c>user_not_found</c> for an unknown user.</summary>
    [Get("/api/v1/users/{userId}/orders")]
    Task<RecentOrdersResponse> GetRecentOrdersAsync(string userId, [Query] int limit, CancellationToken cancellationToken);

    /// <summary>404 <c>order_not_found</c>. The caller decides whether the customer may see it (see <see cref="Order.UserId"/>).</summary>
    [Get("/api/v1/orders/{orderNumber}")]
    Task<Order> GetOrderAsync(string orderNumber, CancellationToken cancellationToken);

    /// <summary>409 <c>order_not_cancellable</c> once the order is picked up, delivered or already cancelled.</summary>
    [Post("/api/v1/orders/{orderNumber}/cancel")]
    Task<CancelOrderResult> CancelOrderAsync(
        string orderNumber,
        [Body] CancelOrderRequest request,
        [Header("Idempotency-Key")] string idempotencyKey,
        CancellationToken cancellationToken);

    /// <summary>409 <c>order_not_changeable</c> once delivered or cancelled; 400 <c>invalid_request</c> when nothing is changed.</summary>
    [Post("/api/v1/orders/{orderNumber}/delivery-changes")]
    Task<DeliveryChangeResult> ChangeDeliveryAsync(
        string orderNumber,
        [Body] DeliveryChangeRequest request,
        [Header("Idempotency-Key")] string idempotencyKey,
        CancellationToken cancellationToken);
}
