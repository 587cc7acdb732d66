using System.Globalization;

namespace HelpBot.Dialogs.Localization;

/// <summary>The two languages HelpBot speaks, and how a turn's language is chosen.</summary>
public static class BotLanguage
{
    public const string Chinese = "zh-CN";
    public const string English = "en-US";

    public static CultureInfo ChineseCulture { get; } = CultureInfo.GetCultureInfo(Chinese);

    public static CultureInfo EnglishCulture { get; } = CultureInfo.GetCultureInfo(English);

    /// <summary>Maps a channel locale ("zh", "zh-Hans-CN", "en-GB"...) to one we speak, or null for anything else.</summary>
    public static string? FromLocale(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return null;
        }

        if (locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
        {
            return Chinese;
        }

        return locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : null;
    }

    /// <summary>
    /// Guesses the language of a message: any Chinese character makes it Chinese; Latin letters only make it English;
    /// digits, emoji and punctuation alone say nothing (null).
    /// </summary>
    public static string? FromText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var latinLetters = 0;
        foreach (var ch in text)
        {
            if (ch is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf')
            {
                return Chinese;
            }

            if (ch is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
            {
                latinLetters++;
            }
        }

        return latinLetters >= 2 ? English : null;
    }

    /// <summary>
    /// The language for this turn: the channel's locale when it names one we speak (the client knows the customer's
    /// setting), else the text itself, else what the conversation used so far, else Chinese.
    /// </summary>
    public static string Resolve(string? activityLocale, string? text, string? stored) =>
        FromLocale(activityLocale) ?? FromText(text) ?? stored ?? Chinese;

    public static CultureInfo Culture(string language) => language == English ? EnglishCulture : ChineseCulture;
}
