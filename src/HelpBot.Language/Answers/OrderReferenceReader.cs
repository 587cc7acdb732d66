using System.Text;

namespace HelpBot.Language.Answers;

/// <summary>An order the bot has shown the customer, as they may refer to it.</summary>
public sealed record ListedOrder(string Number, string Restaurant, IReadOnlyList<string> Items);

/// <summary>
/// Reads which of the listed orders a customer means when they do not type the full number: by its last digits ("#0006",
/// "尾号0006", "the one ending in 0006", "0006那单"), its place in the list ("第二个", "the second one", "2", "最后一个"),
/// or its restaurant or a dish ("黄焖鸡那单", "麻辣烫那个"). Null when nothing or more than one order fits.
/// </summary>
public static class OrderReferenceReader
{
    /// <summary>Fewer digits than this are a place in the list, not the end of an order number.</summary>
    public const int MinTailDigits = 3;

    public static int? Read(string? text, IReadOnlyList<ListedOrder> listed)
    {
        ArgumentNullException.ThrowIfNull(listed);
        var normalized = AnswerReader.Normalize(text);
        if (normalized.Length == 0 || listed.Count == 0)
        {
            return null;
        }

        var digitRuns = DigitRuns(normalized);
        if (digitRuns.Any(run => run.Length >= MinTailDigits))
        {
            var matches = Enumerable.Range(0, listed.Count)
                .Where(i => digitRuns.Any(run => run.Length >= MinTailDigits && listed[i].Number.EndsWith(run, StringComparison.Ordinal)))
                .ToList();
            return matches.Count == 1 ? matches[0] : null;
        }

        if (Ordinal(normalized, digitRuns, listed.Count) is { } place)
        {
            return place;
        }

        return ByName(normalized, listed);
    }

    private static List<string> DigitRuns(string text)
    {
        var runs = new List<string>();
        var run = new StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsAsciiDigit(c))
            {
                run.Append(c);
            }
            else if (run.Length > 0)
            {
                runs.Add(run.ToString());
                run.Clear();
            }
        }

        return runs;
    }

    private static readonly (string Word, int Place)[] OrdinalWords =
    [
        ("第一", 1), ("第二", 2), ("第三", 3), ("第四", 4), ("第五", 5), ("第六", 6), ("第七", 7), ("第八", 8), ("第九", 9), ("第十", 10),
        ("头一个", 1), ("最上面", 1), ("first", 1), ("1st", 1), ("second", 2), ("2nd", 2), ("third", 3), ("3rd", 3), ("fourth", 4),
        ("4th", 4), ("fifth", 5), ("5th", 5), ("sixth", 6), ("6th", 6), ("seventh", 7), ("7th", 7), ("top one", 1),
    ];

    private static readonly string[] LastWords = ["最后一个", "最后一单", "最后那个", "最后那单", "最下面", "last one", "the last", "bottom one"];

    private const int ShortAnswer = 6;

    private static readonly string[] PlaceMarkers = ["第", "no ", "number ", "option "];

    private static int? Ordinal(string text, List<string> digitRuns, int count)
    {
        int? place = null;
        if (LastWords.Any(w => text.Contains(w, StringComparison.Ordinal)))
        {
            place = count;
        }
        else if (OrdinalWords.FirstOrDefault(w => ContainsWord(text, w.Word)) is { Word: not null } word)
        {
            place = word.Place;
        }
        else if (digitRuns.Count == 1 && (text.Length <= ShortAnswer || PlaceMarkers.Any(m => text.Contains(m + digitRuns[0], StringComparison.Ordinal))))
        {
            // A lone small number in a short answer ("2", "2号", "第2个") is a place in the list.
            place = int.Parse(digitRuns[0], System.Globalization.CultureInfo.InvariantCulture);
        }

        return place is >= 1 && place <= count ? place - 1 : null;
    }

    private static bool ContainsWord(string text, string word)
    {
        var at = text.IndexOf(word, StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        if (!char.IsAsciiLetterOrDigit(word[0]))
        {
            return true;
        }

        var end = at + word.Length;
        return (at == 0 || !char.IsAsciiLetter(text[at - 1])) && (end == text.Length || !char.IsAsciiLetter(text[end]));
    }

    // Words that say "an order" rather than which one, so "那单" or "外卖" never match a restaurant's name.
    private const string GenericCharacters = "那这单个订的外卖店家份号呢吧啊呀是就要我";

    /// <summary>The order whose restaurant or dish shares the longest run of Chinese characters (two or more) with the text.</summary>
    private static int? ByName(string text, IReadOnlyList<ListedOrder> listed)
    {
        var best = 0;
        var bestIndex = new List<int>();
        for (var i = 0; i < listed.Count; i++)
        {
            var names = new[] { listed[i].Restaurant }.Concat(listed[i].Items);
            var score = names.Max(name => LongestSharedRun(text, AnswerReader.Normalize(name)));
            if (score < 2)
            {
                continue;
            }

            if (score > best)
            {
                best = score;
                bestIndex.Clear();
            }

            if (score == best)
            {
                bestIndex.Add(i);
            }
        }

        if (best == 0 && ByEnglishWords(text, listed) is { } named)
        {
            return named;
        }

        if (best == 0)
        {
            // One telling character and nothing else ("粥那个", "面呢"): the order whose names hold it, if only one does.
            var core = new string([.. text.Where(c => Text.TextFolding.IsCjk(c) && !GenericCharacters.Contains(c, StringComparison.Ordinal))]);
            if (core.Length == 1 && text.Count(char.IsAsciiLetterOrDigit) == 0)
            {
                bestIndex = [.. Enumerable.Range(0, listed.Count)
                    .Where(i => new[] { listed[i].Restaurant }.Concat(listed[i].Items).Any(name => name.Contains(core[0], StringComparison.Ordinal)))];
            }
        }

        return bestIndex.Count == 1 ? bestIndex[0] : null;
    }

    // Words that say "an order" or join a sentence rather than name a dish ("the one with the ...", "that order from").
    private static readonly HashSet<string> GenericWords = new(StringComparer.Ordinal)
    {
        "the", "one", "ones", "order", "orders", "with", "that", "this", "food", "from", "for", "and", "please", "pls", "which",
        "was", "where", "what", "about", "mine", "meal", "dish", "thing", "stuff", "some", "had", "got", "ordered", "large", "small",
    };

    /// <summary>
    /// "the fish head one", "the dumplings": the order whose English names share the most words with the text (a plural
    /// matches its singular), if only one has that many.
    /// </summary>
    private static int? ByEnglishWords(string text, IReadOnlyList<ListedOrder> listed)
    {
        var words = EnglishWords(text).Where(w => w.Length >= 3 && !GenericWords.Contains(w)).Distinct().ToList();
        if (words.Count == 0)
        {
            return null;
        }

        var scores = listed
            .Select(order => new[] { order.Restaurant }.Concat(order.Items).SelectMany(name => EnglishWords(AnswerReader.Normalize(name))).ToHashSet(StringComparer.Ordinal))
            .Select(names => words.Count(names.Contains))
            .ToList();
        var top = scores.Max();
        return top > 0 && scores.Count(s => s == top) == 1 ? scores.IndexOf(top) : null;
    }

    /// <summary>The Latin words of a normalised text, plurals as their singular ("dumplings" is "dumpling").</summary>
    private static IEnumerable<string> EnglishWords(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiLetter(text[i]))
            {
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                i++;
            }

            var word = text[start..i];
            yield return word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;
        }
    }

    private static int LongestSharedRun(string text, string name)
    {
        var longest = 0;
        for (var i = 0; i < text.Length; i++)
        {
            for (var j = 0; j < name.Length; j++)
            {
                var length = 0;
                while (i + length < text.Length && j + length < name.Length && text[i + length] == name[j + length]
                       && Text.TextFolding.IsCjk(text[i + length]) && !GenericCharacters.Contains(text[i + length], StringComparison.Ordinal))
                {
                    length++;
                }

                longest = Math.Max(longest, length);
            }
        }

        return longest;
    }
}
