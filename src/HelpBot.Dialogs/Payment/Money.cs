using System.Globalization;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Turns;
using HelpBot.Platform.Models;

namespace HelpBot.Dialogs.Payment;

/// <summary>Amounts and payment channels as customers know them.</summary>
public static class Money
{
    public static string Amount(decimal amount, string currency) =>
        currency == "CNY" ? "¥" + amount.ToString("0.00", CultureInfo.InvariantCulture) : $"{amount.ToString("0.00", CultureInfo.InvariantCulture)} {currency}";

    /// <summary>
    /// A cancelled order's money question has one answer, whoever asks: back already, on its way by itself, or nothing
    /// was charged. The finding names it for the case file.
    /// </summary>
    public static (string Finding, string Text) OfCancelledOrder(TurnInfo turn, Order order)
    {
        var payment = order.Payment;
        var amount = Amount(payment.Amount, payment.Currency);
        var channel = Channel(turn, payment.Channel);
        return payment.State == PaymentState.Refunded ? ("refunded", turn.Format(nameof(Strings.Payment_Refunded), amount, channel))
            : payment.CustomerCharged || payment.State == PaymentState.Paid ? ("refund_pending", turn.Format(nameof(Strings.Refund_OnItsWay), order.OrderNumber, amount, channel))
            : ("nothing_charged", turn.Text(nameof(Strings.Cancel_NothingCharged)));
    }

    public static string Channel(TurnInfo turn, string channel) => channel switch
    {
        "alipay" => turn.Text(nameof(Strings.Channel_Alipay)),
        "wechat_pay" => turn.Text(nameof(Strings.Channel_WeChatPay)),
        "bank_card" => turn.Text(nameof(Strings.Channel_BankCard)),
        _ => channel,
    };
}
