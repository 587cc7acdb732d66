using Microsoft.Bot.Builder;

namespace HelpBot.Dialogs.Engine;

/// <summary>Accepts any non-empty text.</summary>
public sealed class TextPrompt : Prompt<string>
{
    public TextPrompt(string id, PromptValidator<string>? validator = null)
        : base(id, validator)
    {
    }

    public override bool TakesAnyText => true;

    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text?.Trim();
        return Task.FromResult(string.IsNullOrEmpty(text) ? PromptRecognizerResult<string>.Failed : PromptRecognizerResult<string>.Of(text));
    }
}
