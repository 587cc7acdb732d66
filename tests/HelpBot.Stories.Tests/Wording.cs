using System.Collections;
using System.Globalization;
using System.Resources;
using HelpBot.Dialogs.Localization;
using HelpBot.Dialogs.Resources;

namespace HelpBot.Stories.Tests;

/// <summary>The bot's wording keys, and which keys a button title can be in each language.</summary>
public static class Wording
{
    private static readonly Lazy<IReadOnlySet<string>> AllKeys = new(() =>
        ReadSet(CultureInfo.InvariantCulture).Keys.ToHashSet(StringComparer.Ordinal));

    private static readonly Dictionary<string, Dictionary<string, List<string>>> KeysByTitle = new()
    {
        ["zh"] = Invert(ReadSet(BotLanguage.ChineseCulture)),
        ["en"] = Invert(ReadSet(BotLanguage.EnglishCulture)),
    };

    public static IReadOnlySet<string> Keys => AllKeys.Value;

    public static bool Exists(string key) => Keys.Contains(key);

    /// <summary>The keys whose text in <paramref name="language"/> is exactly <paramref name="title"/>.</summary>
    public static IReadOnlyList<string> KeysOfTitle(string language, string title) =>
        KeysByTitle[language].TryGetValue(title.Trim(), out var keys) ? keys : [];

    public static string Text(string language, string key) =>
        BotText.Phrase(language == "en" ? BotLanguage.EnglishCulture : BotLanguage.ChineseCulture, key);

    public static string LanguageOfCulture(string culture) =>
        culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) || culture.Length == 0 ? "en" : "zh";

    private static Dictionary<string, string> ReadSet(CultureInfo culture)
    {
        // The neutral resources are English; a culture's set holds only its own strings, so merge them over it.
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in new[] { CultureInfo.InvariantCulture, culture }.Distinct())
        {
            var set = Strings.ResourceManager.GetResourceSet(c, createIfNotExists: true, tryParents: false);
            if (set is null)
            {
                continue;
            }

            foreach (DictionaryEntry entry in set)
            {
                if (entry.Key is string key && entry.Value is string value)
                {
                    merged[key] = value;
                }
            }
        }

        return merged;
    }

    private static Dictionary<string, List<string>> Invert(Dictionary<string, string> set)
    {
        var byTitle = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, value) in set)
        {
            if (!byTitle.TryGetValue(value.Trim(), out var keys))
            {
                byTitle[value.Trim()] = keys = [];
            }

            keys.Add(key);
        }

        return byTitle;
    }
}
