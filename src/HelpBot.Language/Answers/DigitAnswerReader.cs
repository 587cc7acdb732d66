using System.Text;
using System.Text.RegularExpressions;
using HelpBot.Language.Text;

namespace HelpBot.Language.Answers;

/// <summary>
/// Reads a fixed-length digit answer out of a sentence: the last four digits of a phone ("后四位9000", "it's 8000"), a
/// six-digit SMS code ("验证码123456", "code is 123 456"), an 11-digit mobile number ("手机 138 0013 8000", "+86
/// 13800138000"). The rules:
/// <list type="bullet">
/// <item>Full-width digits are folded ("９０００"); a run of Chinese digit characters 零〇一二三四五六七八九幺 ("九零零零")
/// counts as digits only when it is exactly the length asked for.</item>
/// <item>Digits separated by one space or dash ("123 456", "138-0013-8000") are one group; when the group as a whole is
/// longer than asked for, its separated parts count on their own ("123456 18:40收到的" is 123456).</item>
/// <item>For 11 digits, a leading 86 / 0086 country code is dropped when the rest is 11 digits starting with 1.</item>
/// <item>The answer is the one group of exactly that length; a longer group (an order number) never yields a shorter
/// answer, and two different groups of that length ("9000 还是 8000") are ambiguous: null.</item>
/// </list>
/// </summary>
public static partial class DigitAnswerReader
{
    private const int MaxLength = 500;
    private const string ChineseDigits = "零〇一二三四五六七八九幺";

    /// <summary>The <paramref name="length"/> digits the text answers with, as ASCII digits, or null.</summary>
    public static string? Read(string? text, int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var folded = TextFolding.FoldWidth(text.Length > MaxLength ? text[..MaxLength] : text);
        string? found = null;
        foreach (var group in Groups(folded, length))
        {
            if (found is not null && found != group)
            {
                return null;
            }

            found = group;
        }

        return found;
    }

    private static IEnumerable<string> Groups(string text, int length)
    {
        foreach (Match m in DigitGroup().Matches(text))
        {
            var digits = new string([.. m.Value.Where(char.IsAsciiDigit)]);
            if (length == 11)
            {
                if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal) && digits[2] == '1')
                {
                    digits = digits[2..];
                }
                else if (digits.Length == 15 && digits.StartsWith("0086", StringComparison.Ordinal) && digits[4] == '1')
                {
                    digits = digits[4..];
                }
            }

            if (digits.Length == length)
            {
                yield return digits;
            }
            else if (digits.Length > length)
            {
                // "验证码123456 18:40收到的": the separated parts of a group too long as a whole, each on its own.
                foreach (var part in m.Value.Split([' ', '-']))
                {
                    if (part.Length == length)
                    {
                        yield return part;
                    }
                }
            }
        }

        foreach (Match m in ChineseDigitRun().Matches(text))
        {
            if (m.Length == length)
            {
                var digits = new StringBuilder(length);
                foreach (var c in m.Value)
                {
                    digits.Append(c switch
                    {
                        '零' or '〇' => '0',
                        '幺' => '1',
                        _ => (char)('0' + ChineseDigits.IndexOf(c, StringComparison.Ordinal) - 1),
                    });
                }

                yield return digits.ToString();
            }
        }
    }

    [GeneratedRegex(@"[0-9](?:[ \-]?[0-9])*")]
    private static partial Regex DigitGroup();

    // Not next to another numeral character (十, 百, 万, 两…), so "一万" or "三十一" is never read as digits.
    [GeneratedRegex(@"(?<![零〇一二三四五六七八九幺十百千万亿两0-9])[零〇一二三四五六七八九幺]+(?![零〇一二三四五六七八九幺十百千万亿两0-9])")]
    private static partial Regex ChineseDigitRun();
}
