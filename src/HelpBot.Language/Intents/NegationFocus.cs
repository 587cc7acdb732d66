using System.Text.RegularExpressions;

namespace HelpBot.Language.Intents;

/// <summary>
/// "不是支付的问题，是骑手一直不到" / "it's not the payment, it's the rider": the customer rules one issue out and names
/// the real one. The classifier then reads only the named part, so the ruled-out words do not vote.
/// </summary>
public static partial class NegationFocus
{
    /// <summary>The part after the contrast, or null when the message has no "not X, (but) Y" shape.</summary>
    public static string? Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = ChineseContrast().Match(text);
        if (!match.Success)
        {
            match = EnglishContrast().Match(text);
        }

        if (!match.Success)
        {
            return null;
        }

        var focus = match.Groups["focus"].Value.Trim();
        return focus.Length >= 2 ? focus : null;
    }

    // 不是/并不是 + up to 15 characters + optional 的问题/的事 + separator + (而)是/就是.
    [GeneratedRegex(@"(?:并|也)?不是[^，,。；;!！?？]{1,15}?(?:的)?(?:问题|事儿?)?[，,；;、 ]+(?:而|就|主要)?是(?<focus>.+)$")]
    private static partial Regex ChineseContrast();

    // "(it's|this is) not (about) X(,) (but|it's|the problem is) Y"; X kept short so ordinary "not" sentences do not match.
    [GeneratedRegex(@"(?:^\s*|\b(?:it'?s|its|this is|that'?s|the problem is|problem is|issue is)\s+)(?:not|isn'?t)\s+(?:about\s+)?[^,.;!?]{1,30}?[,;]\s*(?:but\s+)?(?:it'?s|its|it is|the problem is|the issue is|rather)\s+(?:that\s+)?(?<focus>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishContrast();
}
