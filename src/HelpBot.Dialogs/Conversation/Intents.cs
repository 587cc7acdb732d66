namespace HelpBot.Dialogs.Conversation;

/// <summary>The intent labels HelpBot routes on (the same labels the language recognizer produces).</summary>
public static class Intents
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
}

/// <summary>
/// What a message is about: the intent, how sure we are (0 to 1), the order number if one was typed, and the other
/// intents it could be, likeliest first.
/// </summary>
public sealed record TurnIntent(string Intent, double Score, string? OrderNumber)
{
    public static TurnIntent None { get; } = new(Intents.None, 0, null);

    public IReadOnlyList<HelpBot.Language.Model.IntentScore> Alternatives { get; init; } = [];
}

/// <summary>Understands a customer's message. The language project's recognizer implements it; a keyword one is the fallback.</summary>
public interface ITurnIntentRecognizer
{
    Task<TurnIntent> RecognizeAsync(string? text, string language, CancellationToken cancellationToken);
}
