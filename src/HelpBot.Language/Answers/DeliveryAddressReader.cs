using System.Text.RegularExpressions;

namespace HelpBot.Language.Answers;

/// <summary>
/// The new delivery address when a change request already gives it: "地址改成 徐汇区虹桥路1号 港汇广场5楼",
/// "把送餐地址改到虹桥路1号5楼", "送到 虹桥路1号 吧，地址写错了", "change the address to 88 Century Avenue, Tower 2".
/// Null unless what follows the verb looks like an address (a street, number or building word), so "改成明天送" is not.
/// </summary>
public static partial class DeliveryAddressReader
{
    private const int MinLength = 6;
    private const int MaxLength = 200;

    /// <summary>A longer message is not a change request that names an address; it is not read.</summary>
    private const int MaxRequestLength = 600;

    public static string? FromRequest(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxRequestLength)
        {
            return null;
        }

        foreach (var pattern in new[] { Chinese(), English() })
        {
            var match = pattern.Match(text);
            if (!match.Success)
            {
                continue;
            }

            var address = match.Groups["address"].Value.Trim().TrimEnd('吧', '啊', '呀', ' ');
            if (address.Length is >= MinLength and <= MaxLength && AddressWord().IsMatch(address) && !OrderNumberLike().IsMatch(address))
            {
                return address;
            }
        }

        return null;
    }

    // 改成/改为/改到/换成/换到/送到/送去 + the address, up to a comma or full stop (spaces inside are part of it).
    [GeneratedRegex(@"(?:改成|改为|改到|换成|换到|送到|送去|送至)\s*(?<address>[^，,。；;！!？?]+)")]
    private static partial Regex Chinese();

    // "... address to <address>", "deliver it to <address>", "send it to <address>".
    [GeneratedRegex(@"\b(?:address|deliver(?:y)?|send|bring|move)\b[^.;!?]*?\bto\s+(?<address>[^;!?]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex English();

    [GeneratedRegex(@"[路街道号区县镇村弄巷楼栋室座层园苑城厦广场]|\d+\s*\w*\s+(?:street|st|road|rd|avenue|ave|lane|ln|boulevard|blvd)\b|\b(?:floor|tower|building|room|apt|unit)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AddressWord();

    [GeneratedRegex(@"\d{12,}")]
    private static partial Regex OrderNumberLike();
}
