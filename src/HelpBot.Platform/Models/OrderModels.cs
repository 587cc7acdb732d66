namespace HelpBot.Platform.Models;

/// <summary>Lifecycle of an order as the platform (the customer's app) sees it.</summary>
public enum OrderStatus
{
    Placed,
    Paid,
    Accepted,
    Preparing,
    PickedUp,
    Delivering,
    Delivered,
    Cancelled,
}

public enum PaymentState
{
    Unpaid,
    Paid,
    Failed,
    Refunded,
}

/// <summary>One line of the recent-orders list; the dishes also in English when the restaurant names them so.</summary>
public sealed record OrderSummary(
    string OrderNumber,
    string MerchantName,
    OrderStatus Status,
    DateTimeOffset PlacedAt,
    decimal Amount,
    string Currency,
    string ItemsSummary,
    string? ItemsSummaryEnglish = null);

public sealed record RecentOrdersResponse(string UserId, IReadOnlyList<OrderSummary> Orders);

/// <summary>An order with everything support needs to diagnose it.</summary>
public sealed record Order(
    string OrderNumber,
    string UserId,
    string UserPhone,
    OrderStatus Status,
    DateTimeOffset StatusSince,
    IReadOnlyList<OrderTimelineEntry> Timeline,
    IReadOnlyList<OrderItem> Items,
    MerchantInfo Merchant,
    RiderInfo? Rider,
    DateTimeOffset? Eta,
    IReadOnlyList<EtaChange> EtaHistory,
    PaymentInfo Payment,
    DeliveryInfo Delivery);

/// <summary>When the order entered a status. The timeline is in chronological order.</summary>
public sealed record OrderTimelineEntry(OrderStatus Status, DateTimeOffset At);

/// <summary>A dish; <paramref name="EnglishName"/> when the restaurant gives one (customers name dishes in their language).</summary>
public sealed record OrderItem(string Name, int Quantity, decimal UnitPrice, string? EnglishName = null);

public sealed record MerchantInfo(string Id, string Name, string Phone);

/// <summary>The rider; the phone is masked by the platform (e.g. 138****5678) so the bot never holds the full number.</summary>
public sealed record RiderInfo(string Name, string MaskedPhone, DateTimeOffset? LastLocationAt);

/// <summary>
/// An earlier estimate that was replaced. <paramref name="Reason"/> is the platform's dispatch reason code when it
/// knows one: <c>kitchen_slow</c>, <c>dispatch</c>, <c>weather</c>, <c>traffic</c>, <c>peak_hours</c>; otherwise null.
/// </summary>
public sealed record EtaChange(DateTimeOffset PreviousEta, DateTimeOffset NewEta, DateTimeOffset ChangedAt, string? Reason);

/// <summary>
/// Payment as the platform sees it. <paramref name="CustomerCharged"/> is what the payment channel reports, which can
/// disagree with <paramref name="State"/> (charged but unpaid). <paramref name="FailureCode"/> is set when
/// <paramref name="State"/> is <see cref="PaymentState.Failed"/>: see <see cref="PaymentFailureCodes"/>.
/// </summary>
public sealed record PaymentInfo(
    PaymentState State,
    string Channel,
    string? FailureCode,
    decimal Amount,
    string Currency,
    bool CustomerCharged,
    DateTimeOffset? ChargedAt);

public static class PaymentFailureCodes
{
    public const string ChannelError = "PAY_CHANNEL_ERROR";
    public const string CardLimitExceeded = "CARD_LIMIT_EXCEEDED";
    public const string InsufficientFunds = "INSUFFICIENT_FUNDS";
}

public sealed record DeliveryInfo(string Address, DateTimeOffset? ScheduledFor);

/// <summary>
/// The same order as the merchant's backend sees it. <paramref name="Received"/> is false when the order never reached
/// the restaurant (not synced); then <paramref name="Status"/> is null.
/// </summary>
public sealed record MerchantOrderView(string OrderNumber, string MerchantId, bool Received, OrderStatus? Status, DateTimeOffset? UpdatedAt);
