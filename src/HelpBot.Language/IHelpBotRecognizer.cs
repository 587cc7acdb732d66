using HelpBot.Language.Model;

namespace HelpBot.Language;

/// <summary>Understands a customer's free-text message (Chinese, English or mixed). Thread-safe.</summary>
public interface IHelpBotRecognizer
{
    /// <param name="text">The raw message.</param>
    /// <param name="locale">Optional hint, "zh-CN" or "en-US"; used only when the text itself gives no language away.</param>
    RecognitionResult Recognize(string text, string? locale);
}
