using System.Text;
using System.Text.RegularExpressions;
using HelpBot.Language.Text;

namespace HelpBot.Language.Intents;

/// <summary>
/// Turns a message into the two views the featurizer reads: <c>Chars</c> (folded, lower-case, digit runs collapsed to
/// "0" so order numbers do not become vocabulary) for character n-grams, and <c>Words</c> (the same with a space around
/// every Han character) so that word uni/bigrams are English words and Chinese characters alike, without a segmenter.
/// </summary>
public static partial class IntentTextPreprocessor
{
    public static (string Chars, string Words) Prepare(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = DigitRun().Replace(TextFolding.FoldWidth(text).ToLowerInvariant(), "0");
        var words = new StringBuilder(folded.Length * 2);
        foreach (var c in folded)
        {
            if (TextFolding.IsCjk(c))
            {
                words.Append(' ').Append(c).Append(' ');
            }
            else if (char.IsPunctuation(c))
            {
                // Keep '?' and '!' as tokens (they carry intent in fragments like "?"), drop other punctuation.
                words.Append(c is '?' or '!' ? $" {c} " : " ");
            }
            else
            {
                words.Append(c);
            }
        }

        return (folded, words.ToString());
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitRun();
}
