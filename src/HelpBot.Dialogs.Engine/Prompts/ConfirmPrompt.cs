using Microsoft.Bot.Builder;

namespace HelpBot.Dialogs.Engine;

/// <summary>
/// A yes/no question. Recognises the choice values "yes"/"no" sent by its buttons and the common ways of saying yes or no
/// in Chinese and English, so a customer can answer in either language whatever the conversation's language is; a
/// flow may give a reader for answers in whole sentences ("嗯 都能打开", "nope, still crashing").
/// </summary>
public sealed class ConfirmPrompt : Prompt<bool>
{
    public const string YesValue = "yes";
    public const string NoValue = "no";

    // Recognition vocabulary, not customer-facing wording: button titles come from the resources via PromptOptions.Choices.
    private static readonly HashSet<string> Yes = new(StringComparer.Ordinal)
    {
        "yes", "y", "yeah", "yep", "yup", "ok", "okay", "sure", "confirm", "correct", "right", "of course", "please do", "do it", "👍",
        "是", "是的", "对", "对的", "好", "好的", "好啊", "可以", "行", "嗯", "嗯嗯", "确认", "确定", "没问题", "要", "需要", "当然",
    };

    private static readonly HashSet<string> No = new(StringComparer.Ordinal)
    {
        "no", "n", "nope", "nah", "not really", "don't", "do not", "cancel", "👎",
        "不", "不是", "不对", "不要", "不行", "不可以", "否", "没有", "算了", "不用", "不需要", "别",
    };

    private readonly Func<string?, bool?>? _readAnswer;

    public ConfirmPrompt(string id, PromptValidator<bool>? validator = null, Func<string?, bool?>? readAnswer = null)
        : base(id, validator)
    {
        _readAnswer = readAnswer;
    }

    public static bool? Recognize(string? text)
    {
        var answer = TextInput.NormalizeAnswer(text);
        if (Yes.Contains(answer))
        {
            return true;
        }

        if (No.Contains(answer))
        {
            return false;
        }

        return null;
    }

    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text;
        var fromButtons = options.Choices is { Count: > 0 } choices
            ? ChoiceRecognizer.Recognize(text, choices)
            : null;
        var answer = fromButtons?.Value switch
        {
            YesValue => true,
            NoValue => false,
            _ => Recognize(text) ?? _readAnswer?.Invoke(text),
        };

        return Task.FromResult(answer is { } value ? PromptRecognizerResult<bool>.Of(value) : PromptRecognizerResult<bool>.Failed);
    }
}
