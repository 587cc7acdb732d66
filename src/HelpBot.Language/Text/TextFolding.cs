namespace HelpBot.Language.Text;

/// <summary>
/// Length-preserving folding of full-width forms (０-９, Ａ-ｚ, full-width punctuation and space) to ASCII, so that
/// rules and recognizers see "2611" in "２６１１" while entity spans still index the original text.
/// </summary>
public static class TextFolding
{
    public static string FoldWidth(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c switch
                {
                    >= '\uFF01' and <= '\uFF5E' when c != '\uFFE5' => (char)(c - 0xFEE0),
                    '\u3000' => ' ',
                    '\uFFE5' => '¥',
                    _ => c,
                };
            }
        });
    }

    public static bool IsCjk(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF');
}
