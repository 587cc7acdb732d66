using System.Text;
using System.Text.RegularExpressions;
using HelpBot.Language.Text;

namespace HelpBot.Language.Answers;

/// <summary>
/// Reads a message as an answer to the bot's open question (see <see cref="AnswerReading"/>), with the vocabulary in
/// <see cref="Vocabulary"/>. The text is scanned once from left to right, taking the longest phrase at each place, so a
/// phrase is never counted again through the words inside it. For yes/no, any "no" phrase wins over "yes" ones: "能打开
/// 但是还是不行" is no, and answers like "嗯 都能打开" or "nope, still crashing" are read whole, reasons and all.
/// </summary>
public static partial class AnswerReader
{
    private enum Cue
    {
        Yes,
        No,
        Neither,
        NeverMind,
        StartOver,
        Help,
        Thanks,
        Goodbye,
        Greeting,
        Laugh,
        AskIfBot,
        Correction,
        Tried,
    }

    // By first character, longest first, so the scan below takes the first phrase that matches at a position. A phrase
    // may carry several cues ("不对" is no and a correction; "更新了" is yes and "tried").
    private static readonly Dictionary<char, (string Phrase, Cue[] Cues)[]> Phrases = Build();

    public static AnswerReading Read(string? text)
    {
        var normalized = Normalize(text);
        if (normalized.Length == 0)
        {
            return AnswerReading.Nothing;
        }

        var found = new HashSet<Cue>();
        var covered = 0;
        var other = 0;
        for (var i = 0; i < normalized.Length;)
        {
            var match = MatchAt(normalized, i);
            if (match is { } m)
            {
                found.UnionWith(m.Cues);
                covered += m.Phrase.Length;
                i += m.Phrase.Length;
            }
            else
            {
                var filler = IsFiller(normalized[i]);
                covered += filler ? 1 : 0;
                other += filler ? 0 : 1;
                i++;
            }
        }

        var polarity = found.Contains(Cue.No) ? Polarity.No : found.Contains(Cue.Yes) ? Polarity.Yes : Polarity.None;
        var command = found.Contains(Cue.StartOver) ? ConversationCommand.StartOver
            : found.Contains(Cue.NeverMind) ? ConversationCommand.NeverMind
            : found.Contains(Cue.Help) ? ConversationCommand.Help
            : ConversationCommand.None;
        var social = found.Contains(Cue.AskIfBot) ? SocialAct.AskIfBot
            : found.Contains(Cue.Goodbye) ? SocialAct.Goodbye
            : found.Contains(Cue.Thanks) ? SocialAct.Thanks
            : found.Contains(Cue.Laugh) ? SocialAct.Laugh
            : found.Contains(Cue.Greeting) ? SocialAct.Greeting
            : SocialAct.None;
        var onlySocial = social != SocialAct.None
            && found.All(c => c is Cue.Thanks or Cue.Goodbye or Cue.Greeting or Cue.Laugh or Cue.AskIfBot)
            && covered == normalized.Length;
        return new AnswerReading(polarity, command, social, found.Contains(Cue.Correction), found.Contains(Cue.Tried)) { IsOnlySocial = onlySocial, OtherCharacters = other };
    }

    /// <summary>True when the text asks to cancel or change an order ("取消另一单", "change the address of the other one").</summary>
    public static bool AsksToCancelOrChange(string? text) => ContainsAny(text, CancelOrChangeWords);

    /// <summary>
    /// True when the text asks for a cancellation ("please cancel 2611…", "帮我把这单取消了吧", "can you cancel it"), not when it
    /// tells of one ("商家取消了", "取消的那单", "it got cancelled", "why did they cancel").
    /// </summary>
    public static bool AsksForCancellation(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var folded = Fold(text);
        return CancellationRequest().IsMatch(folded) && !CancellationTold().IsMatch(folded);
    }

    /// <summary>True when the text says to go on without what was asked for ("不用了 直接转", "no screenshots, just send it").</summary>
    public static bool SaysGoAhead(string? text) => ContainsAny(text, GoAheadWords);

    /// <summary>True when the text points at an order other than the one being discussed ("对了 我另一单支付失败了").</summary>
    public static bool MentionsAnotherOrder(string? text) => ContainsAny(text, AnotherOrderWords);

    /// <summary>True when the text says something is wrong with the food itself ("少了一份丸子", "wrong dish", "没熟").</summary>
    public static bool MentionsFoodProblem(string? text) => ContainsAny(text, FoodProblemWords);

    /// <summary>Whether the normalised text holds any of <paramref name="normalizedPhrases"/> (already normalised).</summary>
    internal static bool ContainsAny(string? text, string[] normalizedPhrases)
    {
        var normalized = Normalize(text);
        return normalized.Length > 0 && normalizedPhrases.Any(p => normalized.Contains(p, StringComparison.Ordinal));
    }

    private static readonly string[] FoodProblemWords = [.. Vocabulary.FoodProblem.Select(Normalize)];

    private static readonly string[] AnotherOrderWords = [.. Vocabulary.AnotherOrder.Select(Normalize)];

    private static readonly string[] CancelOrChangeWords = [.. Vocabulary.CancelOrChange.Select(Normalize)];

    private static readonly string[] GoAheadWords = [.. Vocabulary.GoAhead.Select(Normalize)];

    /// <summary>Width-folded, lower case, with runs of spaces and punctuation as one space (English phrases need the gaps).</summary>
    /// <summary>
    /// The text as the readers match it, character for character (positions stay): full width folded, lower case, the
    /// typographic apostrophe as ', at most <paramref name="maxLength"/> characters.
    /// </summary>
    internal static string Fold(string text, int maxLength = MaxLength) =>
        TextFolding.FoldWidth(text.Length > maxLength ? text[..maxLength] : text).ToLowerInvariant().Replace('’', '\'');

    internal static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var folded = Fold(text);
        var result = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            var gap = char.IsWhiteSpace(c) || (char.IsPunctuation(c) && c != '\'') || char.IsSymbol(c) && !IsEmoji(c);
            if (gap)
            {
                if (result.Length > 0 && result[^1] != ' ')
                {
                    result.Append(' ');
                }
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString().Trim();
    }

    // Answers are short; a long message is a new request, and reading all of it would only cost time.
    private const int MaxLength = 400;

    private static (string Phrase, Cue[] Cues)? MatchAt(string text, int start)
    {
        if (!Phrases.TryGetValue(text[start], out var candidates))
        {
            return null;
        }

        foreach (var (phrase, cues) in candidates)
        {
            if (phrase.Length <= text.Length - start
                && string.CompareOrdinal(text, start, phrase, 0, phrase.Length) == 0
                && Bounded(text, start, phrase.Length))
            {
                return (phrase, cues);
            }
        }

        return null;
    }

    /// <summary>Latin and digit phrases must stand as whole words ("no" is not in "now", "88" not in "2688").</summary>
    internal static bool Bounded(string text, int start, int length)
    {
        static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '\'';
        var first = text[start];
        var last = text[start + length - 1];
        if (IsWordChar(first) && start > 0 && IsWordChar(text[start - 1]))
        {
            return false;
        }

        return !(IsWordChar(last) && start + length < text.Length && IsWordChar(text[start + length]));
    }

    private static bool IsFiller(char c) => c == ' ' || c is '啊' or '呀' or '吧' or '呢' or '哦' or '噢' or '喔' or '啦' or '哈' or '嘛' or '了' or '的';

    private static bool IsEmoji(char c) => char.IsSurrogate(c) || c is '✅' or '❌';

    private static Dictionary<char, (string, Cue[])[]> Build()
    {
        var all = new List<(string Phrase, Cue Cue)>();
        void Add(string[] phrases, Cue cue) => all.AddRange(phrases.Select(p => (Normalize(p), cue)));
        Add(Vocabulary.Yes, Cue.Yes);
        Add(Vocabulary.No, Cue.No);
        Add(Vocabulary.Neither, Cue.Neither);
        Add(Vocabulary.NeverMind, Cue.NeverMind);
        Add(Vocabulary.StartOver, Cue.StartOver);
        Add(Vocabulary.Help, Cue.Help);
        Add(Vocabulary.Thanks, Cue.Thanks);
        Add(Vocabulary.Goodbye, Cue.Goodbye);
        Add(Vocabulary.Greeting, Cue.Greeting);
        Add(Vocabulary.Laugh, Cue.Laugh);
        Add(Vocabulary.AskIfBot, Cue.AskIfBot);
        Add(Vocabulary.Correction, Cue.Correction);
        Add(Vocabulary.Tried, Cue.Tried);
        return all.Where(p => p.Phrase.Length > 0)
            .GroupBy(p => p.Phrase, StringComparer.Ordinal)
            .Select(g => (Phrase: g.Key, Cues: g.Select(p => p.Cue).Distinct().ToArray()))
            .GroupBy(p => p.Phrase[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Phrase.Length).ToArray());
    }

    // The request: a cancel verb in its base form (English) or 取消 as the thing asked for (Chinese).
    [GeneratedRegex(@"\bcancel\b(?!l)|取消(?!的|后|不了|了(?!吧|啊|呗))|不要了|退掉|退单", RegexOptions.CultureInvariant)]
    private static partial Regex CancellationRequest();

    // Told, not asked: someone else cancelled, it already is, or a question about why.
    [GeneratedRegex(@"(?:被|已|已经|自动|商家|店家|骑手|平台|系统)取消|\b(?:they|restaurant|merchant|shop|store|rider|driver|why did \w+|who)\s+cancel\b", RegexOptions.CultureInvariant)]
    private static partial Regex CancellationTold();
}
