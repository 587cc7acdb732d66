using System.Globalization;
using System.Text.RegularExpressions;
using HelpBot.Dialogs.Localization;
using HelpBot.Dialogs.Resources;

namespace HelpBot.Benchmark;

/// <summary>One message of a scripted conversation and the fragments every correct reply to it contains.</summary>
public sealed record ScriptedTurn(string Text, IReadOnlyList<string> ExpectedFragments);

/// <summary>
/// The conversation every simulated customer has, in Chinese or English: greeting, order status for the demo user's
/// delivering order (2611240000000006: ETA slipped 3 times, rider 王师傅), "delivery is late" about it, "contact the
/// rider", "solved", goodbye. Expected wording comes from the bot's own .resx (longest literal part of each string), so
/// a wording change does not break the benchmark but a wrong or empty reply is an error.
/// </summary>
public static partial class ConversationScript
{
    /// <summary>The sandbox's delivering order of demo-user whose ETA slipped three times.</summary>
    public const string DelayedOrder = "2611240000000006";

    public const int DelayedOrderSlips = 3;

    public const string UserId = "demo-user";

    public static IReadOnlyList<ScriptedTurn> HelpBot(string locale)
    {
        var culture = CultureInfo.GetCultureInfo(locale);
        var chinese = locale.StartsWith("zh", StringComparison.Ordinal);
        return
        [
            new(chinese ? "你好" : "hi", [Literal(culture, nameof(Strings.Welcome))]),
            new(BotText.Get(culture, nameof(Strings.Menu_OrderStatus)), [Literal(culture, nameof(Strings.Order_PickRecent))]),
            new(DelayedOrder, [DelayedOrder, Literal(culture, nameof(Strings.Next_DeliveringLate))]),
            new(BotText.Get(culture, nameof(Strings.Menu_Delay)), [BotText.Format(culture, nameof(Strings.Delay_Slipped), DelayedOrderSlips)]),
            new(BotText.Get(culture, nameof(Strings.Action_ContactRider)), [Literal(culture, nameof(Strings.Delay_ContactRider)), Literal(culture, nameof(Strings.WrapUp_AskSolved))]),
            new(BotText.Get(culture, nameof(Strings.Button_Solved)), [Literal(culture, nameof(Strings.WrapUp_SolvedTip)), Literal(culture, nameof(Strings.WrapUp_AskRating))]),
            new(chinese ? "谢谢" : "thanks", [Literal(culture, nameof(Strings.Goodbye))]),
        ];
    }

    /// <summary>The same messages for a reference server that answers "{prefix}{text}".</summary>
    public static IReadOnlyList<ScriptedTurn> Echoed(string locale, string replyPrefix) =>
        [.. HelpBot(locale).Select(turn => new ScriptedTurn(turn.Text, [replyPrefix + turn.Text]))];

    /// <summary>The longest part of a resource string between placeholders and Markdown emphasis.</summary>
    internal static string Literal(CultureInfo culture, string key)
    {
        var parts = Placeholder().Split(BotText.Get(culture, key).Replace("**", "\u0000", StringComparison.Ordinal))
            .SelectMany(part => part.Split('\u0000'))
            .Select(part => part.Trim());
        return parts.MaxBy(part => part.Length) is { Length: >= 2 } longest
            ? longest
            : throw new InvalidOperationException($"Resource {key} has no literal text to check a reply against.");
    }

    [GeneratedRegex(@"\{\d+[^}]*\}")]
    private static partial Regex Placeholder();
}
