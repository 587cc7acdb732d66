namespace HelpBot.Language.Answers;

/// <summary>
/// Reads a typed answer to "what would you like to do?" as one of the actions the bot offered ("催一下商家", "ping the
/// restaurant", "那我等等吧", "退了重下"), with the phrases in <see cref="Vocabulary.Actions"/>. A phrase right after a
/// negation ("不用催了", "don't call the rider") does not count, and a message that names two offered actions is not
/// guessed at: the caller asks again.
/// </summary>
public static class ActionReader
{
    // Declared first: the phrases below are normalised with it.
    private static readonly (string Phrase, string ReadAs)[] Synonyms =
        [.. Vocabulary.ActionSynonyms.Select(s => (AnswerReader.Normalize(s.Phrase), AnswerReader.Normalize(s.ReadAs))).OrderByDescending(s => s.Item1.Length)];

    // Normalised phrase -> action, grouped by first character, longest first (the same left-to-right scan as AnswerReader).
    private static readonly Dictionary<char, (string Phrase, string Action)[]> Phrases = Vocabulary.Actions
        .SelectMany(entry => entry.Value.Select(p => (Phrase: Normalize(p), Action: entry.Key)))
        .Where(p => p.Phrase.Length > 0)
        .GroupBy(p => p.Phrase[0])
        .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Phrase.Length).ToArray());

    private static readonly string[] Negations = ["不用", "不要", "别", "不想", "不", "don't", "dont", "do not", "no need to", "not"];

    /// <summary>The one offered action the text asks for, or null (none, or more than one).</summary>
    public static string? Read(string? text, IReadOnlyCollection<string> offered)
    {
        ArgumentNullException.ThrowIfNull(offered);
        var normalized = Normalize(text);
        if (normalized.Length == 0 || offered.Count == 0)
        {
            return null;
        }

        string? found = null;
        for (var i = 0; i < normalized.Length;)
        {
            if (MatchAt(normalized, i, offered) is not { } match)
            {
                i++;
                continue;
            }

            if (!Negated(normalized, i))
            {
                if (found is not null && found != match.Action)
                {
                    return null;
                }

                found = match.Action;
            }

            i += match.Phrase.Length;
        }

        return found;
    }

    // "联系一下骑手", "催一下商家", "帮我问下骑手", "改个时间": the softening 一下 / 下 / 个 between a verb and its object says nothing.
    private static string Normalize(string? text) =>
        ReadSynonyms(AnswerReader.Normalize(text)).Replace("一下", string.Empty, StringComparison.Ordinal).Replace("问下", "问", StringComparison.Ordinal)
            .Replace("联系下", "联系", StringComparison.Ordinal).Replace("催下", "催", StringComparison.Ordinal).Replace("提醒下", "提醒", StringComparison.Ordinal)
            .Replace("通知下", "通知", StringComparison.Ordinal).Replace("找下", "找", StringComparison.Ordinal)
            .Replace("改个", "改", StringComparison.Ordinal).Replace("换个", "换", StringComparison.Ordinal);

    /// <summary>Each name of the rider or the restaurant as the one word the action phrases use (<see cref="Vocabulary.ActionSynonyms"/>).</summary>
    private static string ReadSynonyms(string text)
    {
        foreach (var (phrase, readAs) in Synonyms)
        {
            for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + readAs.Length, StringComparison.Ordinal))
            {
                if (!AnswerReader.Bounded(text, at, phrase.Length))
                {
                    at += phrase.Length - readAs.Length;
                    continue;
                }

                text = string.Concat(text.AsSpan(0, at), readAs, text.AsSpan(at + phrase.Length));
            }
        }

        return text;
    }

    private static (string Phrase, string Action)? MatchAt(string text, int start, IReadOnlyCollection<string> offered)
    {
        if (!Phrases.TryGetValue(text[start], out var candidates))
        {
            return null;
        }

        foreach (var candidate in candidates)
        {
            if (offered.Contains(candidate.Action)
                && string.CompareOrdinal(text, start, candidate.Phrase, 0, candidate.Phrase.Length) == 0
                && candidate.Phrase.Length <= text.Length - start
                && AnswerReader.Bounded(text, start, candidate.Phrase.Length))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>A negation just before the phrase ("不用催", "别联系骑手", "don't call the rider").</summary>
    private static bool Negated(string text, int start)
    {
        var before = text[Math.Max(0, start - 12)..start].TrimEnd();
        return Negations.Any(n => before.EndsWith(n, StringComparison.Ordinal)
                                  && (n[0] > 0x7F || before.Length == n.Length || !char.IsAsciiLetter(before[^(n.Length + 1)])));
    }
}
