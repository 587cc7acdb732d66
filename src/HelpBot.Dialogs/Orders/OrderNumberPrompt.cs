using HelpBot.Dialogs.Engine;
using Microsoft.Bot.Builder;

namespace HelpBot.Dialogs.Orders;

/// <summary>Asks which order: accepts one of the offered orders (button, position or last four digits) or any typed order number.</summary>
public sealed class OrderNumberPrompt : Prompt<string>
{
    public OrderNumberPrompt(string id)
        : base(id, null)
    {
    }

    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text;
        var number = OrderNumber.Find(text)
            ?? (options.Choices is { Count: > 0 } choices ? ChoiceRecognizer.Recognize(text, choices)?.Value : null);
        return Task.FromResult(number is null ? PromptRecognizerResult<string>.Failed : PromptRecognizerResult<string>.Of(number));
    }
}
