namespace HelpBot.Language.Text;

/// <summary>The two locales the bot speaks.</summary>
public static class SupportedLocales
{
    public const string Chinese = "zh-CN";
    public const string English = "en-US";

    /// <summary>Maps "zh-CN"/"zh"/"en-US"/"en" (any case) to the canonical name; null when unsupported.</summary>
    public static string? Normalize(string? locale) => locale?.Trim().ToUpperInvariant() switch
    {
        "ZH-CN" or "ZH" or "ZH-HANS" => Chinese,
        "EN-US" or "EN" => English,
        _ => null,
    };
}
