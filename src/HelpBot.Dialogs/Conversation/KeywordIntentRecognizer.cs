using HelpBot.Dialogs.Orders;
using HelpBot.Dialogs.Runtime;

namespace HelpBot.Dialogs.Conversation;

/// <summary>
/// Routes on menu buttons and a few unambiguous keywords in Chinese and English. Used where no statistical recognizer
/// is registered; it recognises recognition vocabulary, not wording shown to customers.
/// </summary>
public sealed class KeywordIntentRecognizer : ITurnIntentRecognizer
{
    // Order matters: the first rule whose keyword occurs wins, most specific first.
    private static readonly (string Intent, string[] Keywords)[] Rules =
    [
        (Intents.HumanAgent, ["人工", "客服", "真人", "human", "agent", "support", "representative"]),
        (Intents.StatusMismatch, ["不同步", "不一致", "mismatch", "disagree", "different status"]),
        (Intents.PaymentFailed, ["支付", "付款", "付钱", "扣款", "扣钱", "未支付", "pay", "payment", "paid", "unpaid", "charged", "card"]),
        (Intents.OrderStuck, ["准备中", "没接单", "不接单", "商家没", "stuck", "not accepted", "preparing"]),
        (Intents.DeliveryDelay, ["太慢", "慢", "还没到", "没送到", "迟到", "超时", "骑手", "late", "slow", "delay", "rider", "taking forever"]),
        (Intents.AppUnavailable, ["打不开", "闪退", "服务器错误", "系统繁忙", "崩", "app down", "crash", "server error", "won't open", "can't open"]),
        (Intents.Refund, ["退款", "退钱", "refund", "money back"]),
        (Intents.CancelOrder, ["取消订单", "cancel my order", "cancel the order", "cancel order"]),
        (Intents.ChangeOrder, ["改地址", "修改地址", "改时间", "change address", "change the address", "change delivery", "change time"]),
        (Intents.ContactMerchant, ["商家电话", "联系商家", "餐厅电话", "restaurant", "merchant"]),
        (Intents.PreventionTips, ["预防", "避免", "建议", "tips", "avoid", "prevent"]),
        (Intents.OrderStatus, ["查订单", "订单", "到哪", "进度", "where is my", "order", "track", "status"]),
        (Intents.ThanksGoodbye, ["谢谢", "多谢", "再见", "拜拜", "thanks", "thank you", "thx", "bye", "goodbye"]),
        (Intents.Greeting, ["你好", "您好", "在吗", "嗨", "hello", "hi", "hey", "good morning", "good evening"]),
    ];

    public Task<TurnIntent> RecognizeAsync(string? text, string language, CancellationToken cancellationToken)
    {
        var normalized = TextInput.Normalize(text);
        var orderNumber = OrderNumber.Find(text);
        foreach (var (intent, keywords) in Rules)
        {
            if (keywords.Any(k => ContainsKeyword(normalized, k)))
            {
                return Task.FromResult(new TurnIntent(intent, 0.9, orderNumber));
            }
        }

        // A bare order number means "tell me about this order".
        return Task.FromResult(orderNumber is null ? TurnIntent.None : new TurnIntent(Intents.OrderStatus, 0.9, orderNumber));
    }

    private static bool ContainsKeyword(string text, string keyword)
    {
        var index = text.IndexOf(keyword, StringComparison.Ordinal);
        if (index < 0)
        {
            return false;
        }

        // Short Latin keywords ("hi", "pay") must be whole words; Chinese keywords need no boundary.
        if (!char.IsAsciiLetter(keyword[0]))
        {
            return true;
        }

        var before = index == 0 || !char.IsAsciiLetter(text[index - 1]);
        var after = index + keyword.Length == text.Length || !char.IsAsciiLetter(text[index + keyword.Length]);
        return before && after;
    }
}
