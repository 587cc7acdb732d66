using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Number;

namespace HelpBot.Dialogs.Engine;

/// <summary>
/// Asks for a number. Recognition uses Microsoft.Recognizers.Text in the conversation's language and falls back to the
/// other one, so "3", "三", "两个" and "three" all work.
/// </summary>
public sealed class NumberPrompt : Prompt<decimal>
{
    public NumberPrompt(string id, PromptValidator<decimal>? validator = null)
        : base(id, validator)
    {
    }

    public static decimal? Recognize(string? text, string? locale)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var first = locale is not null && locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Culture.Chinese : Culture.English;
        var second = first == Culture.Chinese ? Culture.English : Culture.Chinese;
        foreach (var culture in new[] { first, second })
        {
            var results = NumberRecognizer.RecognizeNumber(text, culture);
            if (results.Count > 0
                && results[0].Resolution is { } resolution
                && resolution.TryGetValue("value", out var value)
                && decimal.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }
        }

        return null;
    }

    protected override Task<PromptRecognizerResult<decimal>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        var number = Recognize(turnContext.Activity.Text, turnContext.Activity.Locale);
        return Task.FromResult(number is { } value ? PromptRecognizerResult<decimal>.Of(value) : PromptRecognizerResult<decimal>.Failed);
    }
}
