namespace HelpBot.Language.Text;

/// <summary>
/// Script-based detection: Chinese when Han characters outweigh Latin words (a mixed "agent pls 转人工" counts as
/// Chinese); when the text has neither (e.g. "?" or digits) the caller's locale hint, else Chinese, the main market.
/// </summary>
public static class LanguageDetector
{
    public static string Detect(string text, string? localeHint)
    {
        ArgumentNullException.ThrowIfNull(text);
        var han = 0;
        var latinWords = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (TextFolding.IsCjk(c))
            {
                han++;
            }

            var latin = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');
            if (latin && !inWord)
            {
                latinWords++;
            }

            inWord = latin;
        }

        if (han == 0 && latinWords == 0)
        {
            return SupportedLocales.Normalize(localeHint) ?? SupportedLocales.Chinese;
        }

        return han >= latinWords ? SupportedLocales.Chinese : SupportedLocales.English;
    }
}
