using HelpBot.Dialogs.Engine;
using HelpBot.Language.Answers;
using Microsoft.Bot.Builder;

namespace HelpBot.Dialogs.Orders;

/// <summary>
/// Asks which order: accepts any typed order number, or one of the offered orders by button, last digits ("#0006",
/// "尾号0006"), place ("第二个", "the second one") or restaurant or dish ("黄焖鸡那单"), read from the choices' synonyms.
/// </summary>
public sealed class OrderNumberPrompt : Prompt<string>
{
    public OrderNumberPrompt(string id)
        : base(id, null)
    {
    }

    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text;
        var number = OrderNumber.Find(text) ?? (options.Choices is { Count: > 0 } choices ? Pick(text, choices) : null);
        return Task.FromResult(number is null ? PromptRecognizerResult<string>.Failed : PromptRecognizerResult<string>.Of(number));
    }

    private static string? Pick(string? text, List<Choice> choices)
    {
        var listed = choices.Select(c => new ListedOrder(c.Value, string.Join(" ", c.Synonyms ?? []), [])).ToList();
        return OrderReferenceReader.Read(text, listed) is { } index
            ? choices[index].Value
            : ChoiceRecognizer.Recognize(text, choices)?.Value;
    }
}
