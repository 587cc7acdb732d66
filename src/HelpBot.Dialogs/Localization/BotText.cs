using System.Collections.Concurrent;
using System.Globalization;
using HelpBot.Dialogs.Resources;

namespace HelpBot.Dialogs.Localization;

/// <summary>Customer-facing wording from Resources/Strings*.resx in the turn's culture. Keys are <c>nameof(Strings.X)</c>.</summary>
public static class BotText
{
    // ResourceManager.GetString takes a lock per call, which many concurrent turns contend on; the wording never
    // changes while the process runs. Bounded in case callers bring unusual cultures.
    private const int MaxCachedStrings = 4096;
    private static readonly ConcurrentDictionary<(string Culture, string Key), string> Cache = new();

    /// <summary>Wording for a reply (recorded by an open <see cref="WordingTrace"/>).</summary>
    public static string Get(CultureInfo culture, string key)
    {
        ArgumentNullException.ThrowIfNull(culture);
        WordingTrace.Record(key, culture.Name);
        return Phrase(culture, key);
    }

    /// <summary>The same wording read as vocabulary to recognise (a button title a customer may send back), not said.</summary>
    public static string Phrase(CultureInfo culture, string key)
    {
        ArgumentNullException.ThrowIfNull(culture);
        if (Cache.TryGetValue((culture.Name, key), out var cached))
        {
            return cached;
        }

        var text = Strings.ResourceManager.GetString(key, culture)
            ?? throw new InvalidOperationException($"Resource string '{key}' is missing.");
        if (Cache.Count < MaxCachedStrings)
        {
            Cache.TryAdd((culture.Name, key), text);
        }

        return text;
    }

    public static string Format(CultureInfo culture, string key, params object?[] args) =>
        string.Format(culture, Get(culture, key), args);
}
