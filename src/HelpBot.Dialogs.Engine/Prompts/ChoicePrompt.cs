using Microsoft.Bot.Builder;

namespace HelpBot.Dialogs.Engine;

/// <summary>
/// Asks the customer to pick one of <see cref="PromptOptions.Choices"/>; ends with a <see cref="FoundChoice"/>. Buttons,
/// titles, synonyms and positions are matched first; a flow may give a reader for choices said in a sentence.
/// </summary>
public sealed class ChoicePrompt : Prompt<FoundChoice>
{
    private readonly Func<string?, IReadOnlyList<Choice>, FoundChoice?>? _readAnswer;

    public ChoicePrompt(string id, PromptValidator<FoundChoice>? validator = null, Func<string?, IReadOnlyList<Choice>, FoundChoice?>? readAnswer = null)
        : base(id, validator)
    {
        _readAnswer = readAnswer;
    }

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text;
        var found = options.Choices is { Count: > 0 } choices
            ? ChoiceRecognizer.Recognize(text, choices) ?? _readAnswer?.Invoke(text, choices)
            : null;
        return Task.FromResult(found is null ? PromptRecognizerResult<FoundChoice>.Failed : PromptRecognizerResult<FoundChoice>.Of(found));
    }
}
