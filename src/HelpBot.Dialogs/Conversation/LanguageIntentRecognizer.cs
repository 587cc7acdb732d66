using HelpBot.Language;
using HelpBot.Language.Model;

namespace HelpBot.Dialogs.Conversation;

/// <summary>Understands free text with the language project's recognizer (intents and entities, Chinese and English).</summary>
public sealed class LanguageIntentRecognizer(IHelpBotRecognizer recognizer) : ITurnIntentRecognizer
{
    public Task<TurnIntent> RecognizeAsync(string? text, string language, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Task.FromResult(TurnIntent.None);
        }

        var result = recognizer.Recognize(text, language);
        // One order-number rule for the first message and the prompts (full-width digits, spaces and dashes included).
        var orderNumber = Orders.OrderNumber.Find(text) ?? result.Entities.FirstOrDefault(e => e.Type == EntityTypes.OrderNumber)?.Value;
        var alternatives = result.TopIntents.Select(t => new IntentScore(t.Intent, t.Score)).ToList();

        // A bare order number is "tell me about this order", whatever the classifier makes of the digits.
        var intent = orderNumber is not null && result.Intent == Intents.None ? Intents.OrderStatus : result.Intent;
        return Task.FromResult(new TurnIntent(intent, result.Score, orderNumber) { Alternatives = alternatives });
    }
}
