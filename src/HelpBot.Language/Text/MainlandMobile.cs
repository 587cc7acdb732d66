using System.Text.RegularExpressions;

namespace HelpBot.Language.Text;

/// <summary>Mainland China mobile numbers: the one rule for what counts as one, shared by entity extraction and the bot.</summary>
public static partial class MainlandMobile
{
    /// <summary>
    /// The 11-digit mobile number (1[3-9] and nine more digits) from a run of digits, dropping a 0086 or 86 country
    /// code; null when the digits are not a mainland mobile number.
    /// </summary>
    public static string? FromDigits(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        if (digits.StartsWith("0086", StringComparison.Ordinal))
        {
            digits = digits[4..];
        }
        else if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        return ElevenDigits().IsMatch(digits) ? digits : null;
    }

    /// <summary>138****8000: enough for the customer to recognise the number, too little to give it away.</summary>
    public static string Mask(string mobile)
    {
        ArgumentNullException.ThrowIfNull(mobile);
        return string.Concat(mobile.AsSpan(0, 3), "****", mobile.AsSpan(mobile.Length - 4));
    }

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex ElevenDigits();
}
