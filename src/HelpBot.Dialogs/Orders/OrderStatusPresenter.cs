using System.Globalization;
using System.Text;
using HelpBot.Dialogs.Conversation;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Turns;
using HelpBot.Platform.Models;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace HelpBot.Dialogs.Orders;

/// <summary>
/// Turns an order into what a good agent would say: where it is, since when, the timeline, the ETA, what happens next,
/// and the buttons for the likely next step. Times are shown in the platform's time zone.
/// </summary>
public sealed class OrderStatusPresenter
{
    /// <summary>Past these, a stage is longer than usual and the customer is told so.</summary>
    public static readonly TimeSpan UsualAcceptTime = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan UsualPreparingTime = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan RiderSilenceWorthMentioning = TimeSpan.FromMinutes(10);

    private readonly TimeProvider _time;
    private readonly TimeZoneInfo _zone;

    public OrderStatusPresenter(TimeProvider time, TimeZoneInfo zone)
    {
        _time = time;
        _zone = zone;
    }

    public Activity Present(Order order, TurnInfo turn)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(turn);
        var now = _time.GetUtcNow();
        var text = new StringBuilder();

        text.Append(turn.Format(nameof(Strings.Order_Header), order.OrderNumber, order.Merchant.Name)).Append("\n\n");
        text.Append(turn.Format(
            nameof(Strings.Order_StatusSince),
            StatusName(turn, order.Status),
            Clock(order.StatusSince, now, turn.Culture),
            Duration(now - order.StatusSince, turn))).Append("\n\n");

        if (order.Eta is { } eta && order.Status is not (OrderStatus.Delivered or OrderStatus.Cancelled))
        {
            text.Append(eta < now
                ? turn.Format(nameof(Strings.Order_EtaPassed), Clock(eta, now, turn.Culture), Duration(now - eta, turn))
                : turn.Format(nameof(Strings.Order_Eta), Clock(eta, now, turn.Culture)));
            if (order.EtaHistory.Count > 0)
            {
                text.Append(turn.Format(nameof(Strings.Order_EtaSlipped), order.EtaHistory.Count));
            }

            text.Append("\n\n");
        }

        if (order.Rider is { } rider && order.Status is OrderStatus.PickedUp or OrderStatus.Delivering)
        {
            text.Append(turn.Format(nameof(Strings.Order_Rider), rider.Name, rider.MaskedPhone));
            if (rider.LastLocationAt is { } seen)
            {
                text.Append(turn.Format(nameof(Strings.Order_RiderLastSeen), Duration(now - seen, turn)));
            }

            text.Append("\n\n");
        }

        text.Append(turn.Text(nameof(Strings.Order_Timeline))).Append('\n');
        foreach (var entry in order.Timeline)
        {
            text.Append("- ").Append(Clock(entry.At, now, turn.Culture)).Append(' ').Append(StatusName(turn, entry.Status)).Append('\n');
        }

        var (next, buttons) = WhatHappensNext(order, now, turn);
        text.Append('\n').Append(next);

        var reply = MessageFactory.Text(text.ToString().TrimEnd());
        reply.TextFormat = TextFormatTypes.Markdown;
        reply.SuggestedActions = new SuggestedActions { Actions = buttons };
        return reply;
    }

    public static string StatusName(TurnInfo turn, OrderStatus status) => turn.Text(status switch
    {
        OrderStatus.Placed => nameof(Strings.Status_Placed),
        OrderStatus.Paid => nameof(Strings.Status_Paid),
        OrderStatus.Accepted => nameof(Strings.Status_Accepted),
        OrderStatus.Preparing => nameof(Strings.Status_Preparing),
        OrderStatus.PickedUp => nameof(Strings.Status_PickedUp),
        OrderStatus.Delivering => nameof(Strings.Status_Delivering),
        OrderStatus.Delivered => nameof(Strings.Status_Delivered),
        OrderStatus.Cancelled => nameof(Strings.Status_Cancelled),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    });

    /// <summary>A short label for an order in a list or on a button: merchant, status and the last four digits.</summary>
    public string ShortLabel(OrderSummary order, TurnInfo turn) =>
        turn.Format(nameof(Strings.Order_ShortLabel), order.MerchantName, StatusName(turn, order.Status), order.OrderNumber[^4..]);

    public string Clock(DateTimeOffset time, DateTimeOffset now, CultureInfo culture)
    {
        var local = TimeZoneInfo.ConvertTime(time, _zone);
        var today = TimeZoneInfo.ConvertTime(now, _zone).Date;
        return local.Date == today
            ? local.ToString("HH:mm", CultureInfo.InvariantCulture)
            : local.ToString(culture.TwoLetterISOLanguageName == "zh" ? "M月d日 HH:mm" : "MMM d HH:mm", culture);
    }

    public static string Duration(TimeSpan span, TurnInfo turn)
    {
        var minutes = Math.Max(0, (int)Math.Round(span.TotalMinutes));
        if (minutes < 1)
        {
            return turn.Text(nameof(Strings.Duration_JustNow));
        }

        return minutes < 90
            ? turn.Format(nameof(Strings.Duration_Minutes), minutes)
            : turn.Format(nameof(Strings.Duration_HoursMinutes), minutes / 60, minutes % 60);
    }

    /// <summary>What happens next with the order, in one or two sentences ("这个订单已取消，款项已退回原支付方式。").</summary>
    public string NextStep(Order order, TurnInfo turn) => WhatHappensNext(order, _time.GetUtcNow(), turn).Text;

    private (string Text, List<CardAction> Buttons) WhatHappensNext(Order order, DateTimeOffset now, TurnInfo turn)
    {
        var waited = now - order.StatusSince;
        var human = MainMenu.Button(MainMenu.Title(turn, Intents.HumanAgent));
        var other = MainMenu.Button(turn.Text(nameof(Strings.Button_OtherOrder)));
        var stuck = MainMenu.Button(MainMenu.Title(turn, Intents.OrderStuck));
        var payment = MainMenu.Button(MainMenu.Title(turn, Intents.PaymentFailed));
        var delay = MainMenu.Button(MainMenu.Title(turn, Intents.DeliveryDelay));

        switch (order.Status)
        {
            case OrderStatus.Placed when order.Payment.CustomerCharged:
                return (turn.Text(nameof(Strings.Next_ChargedButUnpaid)), [payment, human, other]);
            case OrderStatus.Placed when order.Payment.State == PaymentState.Failed:
                return (turn.Text(nameof(Strings.Next_PaymentFailed)), [payment, other]);
            case OrderStatus.Placed:
                return (turn.Text(nameof(Strings.Next_Placed)), [payment, other]);
            case OrderStatus.Paid when waited > UsualAcceptTime:
                return (turn.Format(nameof(Strings.Next_NotAcceptedLong), Duration(waited, turn)), [stuck, human, other]);
            case OrderStatus.Paid:
                return (turn.Text(nameof(Strings.Next_Paid)), [other]);
            case OrderStatus.Accepted or OrderStatus.Preparing when waited > UsualPreparingTime:
                return (turn.Format(nameof(Strings.Next_PreparingLong), Duration(waited, turn)), [stuck, human, other]);
            case OrderStatus.Accepted or OrderStatus.Preparing:
                return (turn.Text(nameof(Strings.Next_Preparing)), [other]);
            case OrderStatus.PickedUp or OrderStatus.Delivering
                when order.EtaHistory.Count > 0 || order.Eta < now
                     || (order.Rider?.LastLocationAt is { } seen && now - seen > RiderSilenceWorthMentioning):
                return (turn.Text(nameof(Strings.Next_DeliveringLate)), [delay, human, other]);
            case OrderStatus.PickedUp or OrderStatus.Delivering:
                return (turn.Text(nameof(Strings.Next_Delivering)), [other]);
            case OrderStatus.Delivered:
                return (turn.Text(nameof(Strings.Next_Delivered)), [human, other]);
            case OrderStatus.Cancelled when order.Payment.State == PaymentState.Refunded:
                return (turn.Text(nameof(Strings.Next_CancelledRefunded)), [human, other]);
            case OrderStatus.Cancelled:
                return (turn.Text(nameof(Strings.Next_Cancelled)), [human, other]);
            default:
                return (string.Empty, [other]);
        }
    }
}
