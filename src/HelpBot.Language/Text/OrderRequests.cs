using System.Text;
using System.Text.RegularExpressions;

namespace HelpBot.Language.Text;

/// <summary>One order and what the customer says about it, cut out of a message that names several orders.</summary>
public sealed record OrderRequest(string OrderNumber, string Text);

/// <summary>
/// Splits a message that names two or more orders into one request per order ("A 到现在还没来，还有 B 怎么扣了两次钱" →
/// A: "A 到现在还没来", B: "还有 B 怎么扣了两次钱"). The message is cut into clauses at punctuation and at the words that
/// join two requests (还有, 另外, 顺便, 然后, 而且, "and", "plus", "also"); each clause belongs to the order it names, and
/// a clause without an order number belongs to the one before it. An order named with nothing said about it ("A 和 B
/// 都卡住了") shares what is said about the others. Fewer than two distinct orders: no split.
/// </summary>
public static partial class OrderRequests
{
    /// <summary>
    /// The text without the order numbers it takes back: "帮我取消 A，不对不对，是 B" and "cancel A oops I meant B" are
    /// about B only, so the number and the words that take it back go ("帮我取消 ，是 B").
    /// </summary>
    public static string WithoutCorrectedNumbers(string text, Func<string, IReadOnlyList<string>> findOrderNumbers)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(findOrderNumbers);
        var numbers = findOrderNumbers(text);
        if (numbers.Count < 2)
        {
            return text;
        }

        var folded = Answers.AnswerReader.Fold(text, text.Length);
        var at = 0;
        var places = new List<(int Start, int End)>();
        foreach (var number in numbers)
        {
            var start = folded.IndexOf(number, at, StringComparison.Ordinal);
            if (start < 0)
            {
                return text;
            }

            places.Add((start, start + number.Length));
            at = start + number.Length;
        }

        for (var i = places.Count - 2; i >= 0; i--)
        {
            var between = folded[places[i].End..places[i + 1].Start];
            var takenBack = Answers.Vocabulary.NumberCorrection
                .Select(word => between.LastIndexOf(word, StringComparison.Ordinal) is var found and >= 0 ? found + word.Length : -1)
                .Max();
            if (takenBack > 0)
            {
                text = string.Concat(text.AsSpan(0, places[i].Start), " ", text.AsSpan(places[i].End + takenBack));
            }
        }

        return text;
    }

    public static IReadOnlyList<OrderRequest> Split(string? text, Func<string, IReadOnlyList<string>> findOrderNumbers)
    {
        ArgumentNullException.ThrowIfNull(findOrderNumbers);
        if (string.IsNullOrWhiteSpace(text) || findOrderNumbers(text).Distinct(StringComparer.Ordinal).Count() < 2)
        {
            return [];
        }

        var requests = new List<(string Number, StringBuilder Text)>();
        var pending = new StringBuilder();
        foreach (var clause in ClausesOf(text))
        {
            var numbers = findOrderNumbers(clause).Distinct(StringComparer.Ordinal).ToList();
            if (numbers.Count == 0)
            {
                if (requests.Count == 0)
                {
                    pending.Append(clause).Append(' ');
                }
                else
                {
                    requests[^1].Text.Append(' ').Append(clause);
                }

                continue;
            }

            foreach (var number in numbers)
            {
                var existing = requests.FindIndex(r => r.Number == number);
                if (existing >= 0)
                {
                    requests[existing].Text.Append(' ').Append(clause);
                }
                else
                {
                    requests.Add((number, new StringBuilder(pending.ToString()).Append(clause)));
                }
            }

            pending.Clear();
        }

        // "A 和 B 都卡在商家准备中": A's clause says nothing but its number, so it takes what is said about the others.
        var said = requests.Select(r => WithoutDigits(r.Text.ToString())).ToList();
        var shared = string.Join(" ", said.Where(s => s.Length >= MinWords));
        return [.. requests.Select((r, i) => new OrderRequest(r.Number, said[i].Length >= MinWords ? r.Text.ToString().Trim() : $"{r.Number} {shared}".Trim()))];
    }

    private const int MinWords = 2;

    /// <summary>The clauses of a message: cut at punctuation and at the words that join two requests.</summary>
    public static IReadOnlyList<string> Clauses(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. ClausesOf(text)];

    private static IEnumerable<string> ClausesOf(string text) =>
        Separator().Split(text).Select(c => c.Trim()).Where(c => c.Length > 0);

    private static string WithoutDigits(string text) =>
        new string([.. TextFolding.FoldWidth(text).Where(c => !char.IsAsciiDigit(c) && !char.IsWhiteSpace(c) && !char.IsPunctuation(c))])
            .Replace("和", string.Empty, StringComparison.Ordinal).Replace("跟", string.Empty, StringComparison.Ordinal)
            .Replace("还有", string.Empty, StringComparison.Ordinal).Replace("另外", string.Empty, StringComparison.Ordinal)
            .Replace("and", string.Empty, StringComparison.OrdinalIgnoreCase).Replace("order", string.Empty, StringComparison.OrdinalIgnoreCase)
            .Replace("订单", string.Empty, StringComparison.Ordinal);

    // Punctuation (a dash between spaces too: "… left my account - cancel it please"), a space before Chinese words (how
    // many customers separate clauses), and the words that join two requests; English ones as whole words. The words
    // stay in the next clause.
    [GeneratedRegex(@"[，,。；;！!？?、：:+&＋\n]+|\s+[-–—]+\s+|——|(?<=[\u4e00-\u9fff0-9０-９])\s+(?=[\u4e00-\u9fff])|(?=还有|另外|顺便|然后|而且|以及|再就是)|(?=\b(?:and|plus|also|as well as)\b)|(?=[和跟](?=\s*[0-9０-９]))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Separator();
}
