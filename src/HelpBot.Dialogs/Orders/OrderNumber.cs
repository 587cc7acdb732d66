using System.Text;
using System.Text.RegularExpressions;

namespace HelpBot.Dialogs.Orders;

/// <summary>
/// Finds an order number in what a customer typed: 16 to 19 digits, tolerating spaces, dashes and full-width digits
/// ("2611 2400 0000 0002", "２６１１…"). Longer or shorter digit runs are not order numbers.
/// </summary>
public static partial class OrderNumber
{
    public const int MinDigits = 16;
    public const int MaxDigits = 19;

    public static string? Find(string? text) => Numbers(text).FirstOrDefault();

    /// <summary>Every order number in the text, in order ("2611… 和 2611… 都卡住了").</summary>
    public static IReadOnlyList<string> FindAll(string? text) => [.. Numbers(text)];

    private static IEnumerable<string> Numbers(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        // NFKC turns full-width digits and dashes into ASCII.
        var normalized = text.Normalize(NormalizationForm.FormKC);
        foreach (Match match in DigitRun().Matches(normalized))
        {
            var digits = new string([.. match.Value.Where(char.IsAsciiDigit)]);
            if (digits.Length is >= MinDigits and <= MaxDigits)
            {
                yield return digits;
            }
        }
    }

    public static bool IsValid(string? value) =>
        value is { Length: >= MinDigits and <= MaxDigits } && value.All(char.IsAsciiDigit);

    // Digits, optionally separated by single spaces or dashes (a typed or pasted number), as one run.
    [GeneratedRegex(@"\d(?:[ \-–—]?\d)*", RegexOptions.CultureInvariant)]
    private static partial Regex DigitRun();
}
