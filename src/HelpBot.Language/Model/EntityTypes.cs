namespace HelpBot.Language.Model;

/// <summary>Entity type names and the shape of their normalised values (see docs/nlu.md).</summary>
public static class EntityTypes
{
    /// <summary>16–19 ASCII digits, separators removed.</summary>
    public const string OrderNumber = "order_number";

    /// <summary>Mainland mobile, 11 digits, country code removed.</summary>
    public const string Phone = "phone";

    /// <summary>"35 CNY", "2.50 CNY", "12.40 USD": integers as integers, fractions with two decimals.</summary>
    public const string Money = "money";

    /// <summary>"19:30", "yesterday 19:30", "tomorrow 08:00" or "now-30min".</summary>
    public const string Time = "time";

    /// <summary>An elapsed span without "ago", in whole minutes: "40min".</summary>
    public const string Duration = "duration";

    /// <summary>Dotted version without prefix: "8.2.1".</summary>
    public const string AppVersion = "app_version";
}
