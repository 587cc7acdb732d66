namespace HelpBot.Language.Model;

/// <summary>The closed set of intent labels the recognizer returns (also the labels used in Data/*.tsv).</summary>
public static class IntentLabels
{
    public const string OrderStatus = "order_status";
    public const string OrderStuck = "order_stuck";
    public const string PaymentFailed = "payment_failed";
    public const string DeliveryDelay = "delivery_delay";
    public const string StatusMismatch = "status_mismatch";
    public const string AppUnavailable = "app_unavailable";
    public const string CancelOrder = "cancel_order";
    public const string ChangeOrder = "change_order";
    public const string Refund = "refund";
    public const string ContactMerchant = "contact_merchant";
    public const string HumanAgent = "human_agent";
    public const string PreventionTips = "prevention_tips";
    public const string Greeting = "greeting";
    public const string ThanksGoodbye = "thanks_goodbye";
    public const string None = "none";

    public static IReadOnlyList<string> All { get; } =
    [
        OrderStatus, OrderStuck, PaymentFailed, DeliveryDelay, StatusMismatch, AppUnavailable, CancelOrder,
        ChangeOrder, Refund, ContactMerchant, HumanAgent, PreventionTips, Greeting, ThanksGoodbye, None,
    ];
}
