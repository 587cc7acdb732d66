using System.Text.RegularExpressions;

namespace HelpBot.Bot;

/// <summary>
/// Masks personal data in text that goes to logs. Customers type phone numbers into chat, some channels use the phone
/// number as the sender id, and exception messages can quote what was sent; none of that may reach a log in full.
/// </summary>
public static partial class SensitiveData
{
    /// <summary>
    /// Mainland mobile numbers (optionally +86/0086, with spaces or dashes: 138 0013 8000) and other international
    /// numbers (+ then 8 to 15 digits) keep their first three and last four digits: 138****8000. Order numbers
    /// (16 to 19 digits without a +) are not phone numbers and stay readable for support.
    /// </summary>
    public static string MaskPhoneNumbers(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        text = ChineseMobile().Replace(text, match => Mask(match.Value));
        return InternationalNumber().Replace(text, match => Mask(match.Value));
    }

    /// <summary>
    /// The exception to log in place of <paramref name="exception"/>: same type name, message and stack trace (and the
    /// inner exceptions, through <see cref="Exception.ToString"/>) with phone numbers masked.
    /// </summary>
    public static Exception Redact(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new RedactedException(exception);
    }

    private static string Mask(string number)
    {
        var digits = number.Where(char.IsAsciiDigit).ToArray();
        var local = new string(digits);
        if (local.StartsWith("0086", StringComparison.Ordinal))
        {
            local = local[4..];
        }
        else if (local.StartsWith("86", StringComparison.Ordinal) && local.Length == 13)
        {
            local = local[2..];
        }

        return local.Length <= 7 ? new string('*', local.Length) : string.Concat(local.AsSpan(0, 3), new string('*', local.Length - 7), local.AsSpan(local.Length - 4));
    }

    // Digits on either side would make it part of a longer number (an order number), which is not masked.
    [GeneratedRegex(@"(?<![\d\uFF10-\uFF19])(?:(?:\+|00)86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?![\d\uFF10-\uFF19])", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseMobile();

    [GeneratedRegex(@"(?<![\d\w])\+\d(?:[\s-]?\d){7,14}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex InternationalNumber();

    /// <summary>Carries a masked copy of another exception's text; logged, never thrown.</summary>
    private sealed class RedactedException : Exception
    {
        private readonly string _text;

        public RedactedException(Exception original)
            : base(MaskPhoneNumbers(original.Message))
        {
            _text = MaskPhoneNumbers(original.ToString());
        }

        public override string? StackTrace => null;

        public override string ToString() => _text;
    }
}
