using System.Text.Json;
using HelpBot.Platform.Models;
using HelpBot.Platform.Sandbox.Admin;

namespace HelpBot.Platform.Sandbox.State;

/// <summary>Applies an <see cref="OrderOverride"/> to a sandbox order, keeping its timeline, rider and payment consistent.</summary>
internal static class SandboxOrderOverrides
{
    private const double DefaultStatusMinutesAgo = 5;

    public static SandboxOrder Apply(SandboxOrder order, OrderOverride change, Func<string, MerchantInfo> merchant, Func<string, string> userPhone)
    {
        if (order.PinnedAt is not null)
            throw SandboxRequestException.Invalid($"Order {order.OrderNumber} has been acted on already; override orders before using them.");

        if (change.UserId is { } userId)
            order = order with { UserId = userId, UserPhone = userPhone(userId) };
        if (change.MerchantId is { } merchantId)
            order = order with { Merchant = merchant(merchantId) };
        if (change.Address is { } address)
            order = order with { Address = address };
        if (change.Status is { } status)
            order = WithStatus(order, Parse<OrderStatus>(status, "status"), change.StatusMinutesAgo ?? DefaultStatusMinutesAgo);
        else if (change.StatusMinutesAgo is { } minutes)
            order = WithStatus(order, order.Status, minutes);

        if (change.PaymentState is { } paymentState)
        {
            var state = Parse<PaymentState>(paymentState, "paymentState");
            order = order with
            {
                PaymentState = state,
                PaymentFailureCode = state == PaymentState.Failed ? order.PaymentFailureCode ?? PaymentFailureCodes.ChannelError : null,
                CustomerCharged = state is PaymentState.Paid or PaymentState.Refunded || (state == PaymentState.Unpaid && order.CustomerCharged),
            };
        }

        if (change.PaymentFailureCode is { } failure)
            order = order with { PaymentFailureCode = failure };
        if (change.PaymentChannel is { } channel)
            order = order with { PaymentChannel = channel };
        if (change.CustomerCharged is { } charged)
            order = order with { CustomerCharged = charged, ChargedAt = charged ? order.ChargedAt ?? order.PlacedAt + TimeSpan.FromMinutes(0.5) : null };
        if (change.MerchantReceived is { } received)
            order = order with { MerchantReceived = received, MerchantStatus = received ? order.MerchantStatus ?? order.Status : null, MerchantUpdatedAt = received ? order.MerchantUpdatedAt ?? order.Timeline[^1].At : null };
        if (change.MerchantStatus is { } merchantStatus)
            order = order with { MerchantReceived = true, MerchantStatus = Parse<OrderStatus>(merchantStatus, "merchantStatus"), MerchantUpdatedAt = order.MerchantUpdatedAt ?? order.Timeline[^1].At };
        if (change.EtaInMinutes is { } eta)
            order = order with { Eta = TimeSpan.FromMinutes(eta) };
        if (change.RiderLastSeenMinutesAgo is { } seen)
            order = order with { Rider = (order.Rider ?? DefaultRider) with { LastLocationAt = TimeSpan.FromMinutes(-seen) } };
        return order;
    }

    private static readonly SandboxRider DefaultRider = new("陈师傅", "137****9753", TimeSpan.FromMinutes(-2));

    /// <summary>The timeline up to <paramref name="status"/>, which began <paramref name="minutesAgo"/> minutes ago.</summary>
    private static SandboxOrder WithStatus(SandboxOrder order, OrderStatus status, double minutesAgo)
    {
        var at = TimeSpan.FromMinutes(-minutesAgo);
        var kept = order.Timeline.Where(mark => mark.Status < status && mark.Status != OrderStatus.Cancelled && mark.At < at).ToList();
        if (kept.Count == 0 && status != OrderStatus.Placed)
            kept.Add(new TimelineMark(OrderStatus.Placed, at - TimeSpan.FromMinutes(1)));
        kept.Add(new TimelineMark(status, at));

        var updated = order with { Timeline = kept };
        if (status is OrderStatus.PickedUp or OrderStatus.Delivering or OrderStatus.Delivered && updated.Rider is null)
            updated = updated with { Rider = DefaultRider };
        if (status == OrderStatus.Delivered)
            updated = updated with { Eta = updated.Eta is { } eta && eta < at ? eta : at, EtaHistory = [.. updated.EtaHistory.Where(m => m.ChangedAt < at)] };
        if (status == OrderStatus.Cancelled)
            updated = updated with { Eta = null };
        if (updated.MerchantReceived)
            updated = updated with { MerchantStatus = status, MerchantUpdatedAt = at };
        return updated;
    }

    private static T Parse<T>(string value, string field)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (JsonNamingPolicy.SnakeCaseLower.ConvertName(candidate.ToString()) == value)
                return candidate;
        }

        throw SandboxRequestException.Invalid($"{field} must be one of: {string.Join(", ", Enum.GetValues<T>().Select(v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString())))}.");
    }
}
