using System.Globalization;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Turns;

namespace HelpBot.Dialogs.Payment;

/// <summary>Amounts and payment channels as customers know them.</summary>
public static class Money
{
    public static string Amount(decimal amount, string currency) =>
        currency == "CNY" ? "¥" + amount.ToString("0.00", CultureInfo.InvariantCulture) : $"{amount.ToString("0.00", CultureInfo.InvariantCulture)} {currency}";

    public static string Channel(TurnInfo turn, string channel) => channel switch
    {
        "alipay" => turn.Text(nameof(Strings.Channel_Alipay)),
        "wechat_pay" => turn.Text(nameof(Strings.Channel_WeChatPay)),
        "bank_card" => turn.Text(nameof(Strings.Channel_BankCard)),
        _ => channel,
    };
}
