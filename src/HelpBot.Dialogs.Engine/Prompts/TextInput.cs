using System.Text;

namespace HelpBot.Dialogs.Engine;

/// <summary>Normalises what customers type before matching: full-width to half-width (NFKC), trimmed, lower case.</summary>
public static class TextInput
{
    public static string Normalize(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? string.Empty
            // ASCII is already in NFKC; skipping the ICU call matters because every prompt and interruption normalises.
            : (Ascii.IsValid(text) ? text : text.Normalize(NormalizationForm.FormKC)).Trim().ToLowerInvariant();

    /// <summary>The text without trailing punctuation customers add to short answers ("好的!", "yes.", "是。").</summary>
    public static string NormalizeAnswer(string? text) =>
        Normalize(text).TrimEnd(AnswerEndPunctuation);

    // A field: a params array would be allocated on every call.
    private static readonly char[] AnswerEndPunctuation = ['.', '!', '?', '。', '！', '？', '~', '～', ' '];
}
