using HelpBot.Platform.Models;

namespace HelpBot.Platform.Sandbox.State;

/// <summary>
/// An order as the sandbox stores it. Every time is an offset from a reference instant: "now" at read time while the
/// order is untouched (so the seed always looks fresh), and the moment of the first action on it afterwards
/// (<see cref="PinnedAt"/>), so that history stays put once the customer has done something with the order.
/// </summary>
internal sealed record SandboxOrder
{
    public required string OrderNumber { get; init; }

    public required string UserId { get; init; }

    public required string UserPhone { get; init; }

    public required MerchantInfo Merchant { get; init; }

    public required IReadOnlyList<OrderItem> Items { get; init; }

    public string Currency { get; init; } = "CNY";

    /// <summary>Chronological; the last entry is the current status.</summary>
    public required IReadOnlyList<TimelineMark> Timeline { get; init; }

    public SandboxRider? Rider { get; init; }

    public TimeSpan? Eta { get; init; }

    public IReadOnlyList<EtaMark> EtaHistory { get; init; } = [];

    public required PaymentState PaymentState { get; init; }

    public required string PaymentChannel { get; init; }

    public string? PaymentFailureCode { get; init; }

    public required bool CustomerCharged { get; init; }

    public TimeSpan? ChargedAt { get; init; }

    public required string Address { get; init; }

    public TimeSpan? ScheduledFor { get; init; }

    public bool MerchantReceived { get; init; }

    public OrderStatus? MerchantStatus { get; init; }

    public TimeSpan? MerchantUpdatedAt { get; init; }

    /// <summary>Set by the first action on the order; null while the order follows "now".</summary>
    public DateTimeOffset? PinnedAt { get; init; }

    public OrderStatus Status => Timeline[^1].Status;

    public TimeSpan PlacedAt => Timeline[0].At;

    public decimal Amount => Items.Sum(item => item.UnitPrice * item.Quantity);

    /// <summary>The order with its times fixed, and the offset that stands for <paramref name="now"/> from then on.</summary>
    public (SandboxOrder Pinned, TimeSpan Now) PinAt(DateTimeOffset now)
    {
        var pinnedAt = PinnedAt ?? now;
        return (this with { PinnedAt = pinnedAt }, now - pinnedAt);
    }

    public Order ToOrder(DateTimeOffset now)
    {
        var reference = PinnedAt ?? now;
        return new Order(
            OrderNumber,
            UserId,
            UserPhone,
            Status,
            reference + Timeline[^1].At,
            [.. Timeline.Select(mark => new OrderTimelineEntry(mark.Status, reference + mark.At))],
            Items,
            Merchant,
            Rider is null ? null : new RiderInfo(Rider.Name, Rider.MaskedPhone, reference + Rider.LastLocationAt),
            reference + Eta,
            [.. EtaHistory.Select(mark => new EtaChange(reference + mark.PreviousEta, reference + mark.NewEta, reference + mark.ChangedAt, mark.Reason))],
            new PaymentInfo(PaymentState, PaymentChannel, PaymentFailureCode, Amount, Currency, CustomerCharged, reference + ChargedAt),
            new DeliveryInfo(Address, reference + ScheduledFor));
    }

    public OrderSummary ToSummary(DateTimeOffset now) =>
        new(OrderNumber, Merchant.Name, Status, (PinnedAt ?? now) + PlacedAt, Amount, Currency,
            string.Join("、", Items.Select(item => $"{item.Name} x{item.Quantity}")),
            Items.All(item => item.EnglishName is not null) ? string.Join(", ", Items.Select(item => $"{item.EnglishName} x{item.Quantity}")) : null);

    public MerchantOrderView ToMerchantView(DateTimeOffset now) =>
        new(OrderNumber, Merchant.Id, MerchantReceived, MerchantStatus, (PinnedAt ?? now) + MerchantUpdatedAt);
}

internal sealed record TimelineMark(OrderStatus Status, TimeSpan At);

internal sealed record EtaMark(TimeSpan PreviousEta, TimeSpan NewEta, TimeSpan ChangedAt, string? Reason);

internal sealed record SandboxRider(string Name, string MaskedPhone, TimeSpan? LastLocationAt);
