using System.Globalization;
using HelpBot.Dialogs.Resources;

namespace HelpBot.Dialogs.Localization;

/// <summary>Customer-facing wording from Resources/Strings*.resx in the turn's culture. Keys are <c>nameof(Strings.X)</c>.</summary>
public static class BotText
{
    public static string Get(CultureInfo culture, string key) =>
        Strings.ResourceManager.GetString(key, culture)
        ?? throw new InvalidOperationException($"Resource string '{key}' is missing.");

    public static string Format(CultureInfo culture, string key, params object?[] args) =>
        string.Format(culture, Get(culture, key), args);
}
