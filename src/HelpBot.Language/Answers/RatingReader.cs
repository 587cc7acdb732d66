using System.Globalization;
using System.Text.RegularExpressions;

namespace HelpBot.Language.Answers;

/// <summary>
/// Reads a typed rating from one to five ("5", "5星", "四颗星", "5 stars", "great, 5", "4/5", "⭐⭐⭐", "满分", "给个好评").
/// Null when there is none or it is not clear (two numbers, a number out of range).
/// </summary>
public static partial class RatingReader
{
    private static readonly Dictionary<char, int> ChineseDigits = new() { ['一'] = 1, ['二'] = 2, ['两'] = 2, ['三'] = 3, ['四'] = 4, ['五'] = 5 };

    private static readonly (string Word, string Digit)[] EnglishNumbers = [("one", "1"), ("two", "2"), ("three", "3"), ("four", "4"), ("five", "5")];

    public static int? Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (OnScale().Match(text) is { Success: true } scaled
            && int.TryParse(scaled.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var given)
            && int.TryParse(scaled.Groups["of"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var scale)
            && given <= scale)
        {
            // "10/10", "8 out of 10", "100分": the same on five stars, at least one.
            return Math.Max(1, (int)Math.Round(given * 5.0 / scale, MidpointRounding.AwayFromZero));
        }

        // "4/5" and "4 out of 5": the scale is not a second rating; "five stars" is 5.
        var normalized = AnswerReader.Normalize(text.Replace("/5", " ", StringComparison.Ordinal).Replace("out of 5", " ", StringComparison.OrdinalIgnoreCase));
        foreach (var (word, digit) in EnglishNumbers)
        {
            normalized = normalized.Replace(word + " star", digit + " star", StringComparison.Ordinal);
        }

        var stars = text.Count(c => c is '⭐' or '★');
        if (stars is >= 1 and <= 5 && !normalized.Any(char.IsAsciiDigit))
        {
            return stars;
        }

        var numbers = new List<int>();
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            if (char.IsAsciiDigit(c))
            {
                var end = i;
                while (end < normalized.Length && char.IsAsciiDigit(normalized[end]))
                {
                    end++;
                }

                // A long number (an order number, a phone) is never a rating: 0 keeps it out of range.
                numbers.Add(end - i > 2 ? 0 : int.Parse(normalized.AsSpan(i, end - i), NumberStyles.None, CultureInfo.InvariantCulture));
                i = end - 1;
            }
            else if (ChineseDigits.TryGetValue(c, out var digit) && i + 1 < normalized.Length && normalized[i + 1] is '星' or '颗' or '分' or '个')
            {
                numbers.Add(digit);
            }
        }

        if (numbers.Count == 1)
        {
            return numbers[0] is >= 1 and <= 5 ? numbers[0] : null;
        }

        if (numbers.Count > 1)
        {
            return null;
        }

        var words = Vocabulary.RatingWords.Where(w => normalized.Contains(AnswerReader.Normalize(w.Key), StringComparison.Ordinal)).Select(w => w.Value).Distinct().ToList();
        return words.Count == 1 ? words[0] : null;
    }

    // A rating on a ten or hundred point scale, said as one: "10/10", "9 out of 10", "95/100" ("10分" alone stays unclear).
    [GeneratedRegex(@"(?<![\d/])(?<n>\d{1,3})\s*(?:/\s*|out of\s*)(?<of>10|100)(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex OnScale();
}
