using Microsoft.Bot.Builder;

namespace HelpBot.Dialogs.Engine;

/// <summary>Asks the customer to pick one of <see cref="PromptOptions.Choices"/>; ends with a <see cref="FoundChoice"/>.</summary>
public sealed class ChoicePrompt : Prompt<FoundChoice>
{
    public ChoicePrompt(string id, PromptValidator<FoundChoice>? validator = null)
        : base(id, validator)
    {
    }

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        var found = options.Choices is { Count: > 0 } choices ? ChoiceRecognizer.Recognize(turnContext.Activity.Text, choices) : null;
        return Task.FromResult(found is null ? PromptRecognizerResult<FoundChoice>.Failed : PromptRecognizerResult<FoundChoice>.Of(found));
    }
}
