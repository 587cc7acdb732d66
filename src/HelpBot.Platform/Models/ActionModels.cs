namespace HelpBot.Platform.Models;

public sealed record CancelOrderRequest(string RequestedBy, string Reason);

/// <summary>What happens to the money when an order is cancelled.</summary>
public sealed record CancelOrderResult(string OrderNumber, OrderStatus Status, RefundInfo Refund);

/// <summary>
/// <paramref name="State"/>: <c>none</c> (nothing was charged), <c>pending</c> (refund started), <c>completed</c>.
/// <paramref name="ExpectedBy"/> is the latest time the money should be back on the original payment method.
/// </summary>
public sealed record RefundInfo(string State, decimal Amount, string Currency, string Channel, DateTimeOffset? ExpectedBy);

/// <summary>A change of address, delivery time, or both. At least one must be set.</summary>
public sealed record DeliveryChangeRequest(string RequestedBy, string? Address, DateTimeOffset? ScheduledFor);

public sealed record DeliveryChangeResult(string OrderNumber, DeliveryInfo Delivery);

/// <summary>
/// A ticket for platform support. <paramref name="Category"/>: <c>payment</c>, <c>refund</c>, <c>status_mismatch</c>,
/// <c>delivery</c>, <c>order</c>, <c>app</c>, <c>other</c>.
/// </summary>
public sealed record CreateTicketRequest(
    string UserId,
    string? OrderNumber,
    string Category,
    string Summary,
    IReadOnlyDictionary<string, string>? Details);

public sealed record SupportTicket(string TicketId, string UserId, string? OrderNumber, string Category, string Status, DateTimeOffset CreatedAt);

public sealed record MerchantMessageRequest(string Text, IReadOnlyList<string>? AttachmentUrls);

public sealed record MerchantMessageResult(string MessageId, string OrderNumber, string MerchantId, DateTimeOffset SentAt);
