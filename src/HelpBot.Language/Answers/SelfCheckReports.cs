using System.Text.RegularExpressions;

namespace HelpBot.Language.Answers;

/// <summary>The self-checks a customer can report on before being asked.</summary>
public enum SelfCheck
{
    Network,
    AppVersion,
    AppRestart,
    PaymentMethod,
}

/// <summary>One self-check the customer reported on, where it stands in the text, and whether it was fine.</summary>
public readonly record struct SelfCheckReport(SelfCheck Check, bool IsFine, int Start, int Length);

/// <summary>
/// Reads the self-checks customers report unprompted, anywhere in a message: "网络没问题 app也是最新版 付款还是失败",
/// "won't pay. wifi is fine, app is up to date". Two uses: the check is not asked again, and the report does not vote
/// on what the problem is (a customer who says the wifi is fine is not reporting a network problem). A bad report is
/// read before a fine one at the same place ("网络不太好", "不是最新版"), and a fine word after a negation is not fine
/// ("网络不是很好", "wifi is not good").
/// </summary>
public static class SelfCheckReports
{
    /// <summary>The longest text read; reports sit in the first sentences of a message.</summary>
    private const int MaxLength = 600;

    // Subject, then a short gap inside the same clause (no punctuation; at most one space on each side of it), then
    // what is said of the subject.
    private const string Gap = @"\s?[^\s,.;:!?，。；：！？、]{0,3}?\s?(?:(?:is|are|was|isn't|aren't|wasn't|seems|looks|has been|'s|s) )?(?:not )?(?:also |too |totally |perfectly |all |definitely |really |both |kinda |kind of |a bit |a little |pretty |very |super )?";

    // Read in this order; a later reading that overlaps an earlier one is dropped. Specific whole reports come first
    // ("换了4g也不行" is a switch that was tried, not a bad 4G), then bad before fine.
    private static readonly (SelfCheck Check, bool IsFine, Regex Pattern, bool SubjectFirst)[] Readings =
    [
        (SelfCheck.Network, false, Phrases(Vocabulary.NetworkBadReports), false),
        (SelfCheck.Network, true, Phrases(Vocabulary.NetworkFineReports), false),
        (SelfCheck.Network, true, Sequence(Vocabulary.NetworkSwitch, Vocabulary.NetworkSwitchedTo), false),
        (SelfCheck.Network, false, SubjectPredicate(Vocabulary.NetworkSubject, Vocabulary.NetworkBad), true),
        (SelfCheck.Network, true, SubjectPredicate(Vocabulary.NetworkSubject, Vocabulary.NetworkFine), true),
        (SelfCheck.AppVersion, false, SubjectPredicate(Vocabulary.AppSubject, Vocabulary.AppOld), true),
        (SelfCheck.AppVersion, true, SubjectPredicate(Vocabulary.AppSubject, Vocabulary.AppCurrent), true),
        (SelfCheck.AppVersion, false, Phrases(Vocabulary.AppOldReports), false),
        (SelfCheck.AppVersion, true, Phrases(Vocabulary.AppCurrentReports, AppAfter), false),
        (SelfCheck.AppRestart, true, Phrases(Vocabulary.AppRestartedReports), false),
        (SelfCheck.PaymentMethod, true, Phrases(Vocabulary.PaymentMethodReadyReports), false),
    ];

    /// <summary>"最新版app", "latest version of the app": the app named after the report belongs to it.</summary>
    private const string AppAfter = @"(?:\s?(?:的|of the |of )?(?:app|应用|软件|客户端))?";

    /// <summary>Every report in the text, in reading order.</summary>
    public static IReadOnlyList<SelfCheckReport> Read(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : ReadFolded(Fold(text));

    private static List<SelfCheckReport> ReadFolded(string folded)
    {
        var reports = new List<SelfCheckReport>();
        foreach (var (check, isFine, pattern, subjectFirst) in Readings)
        {
            foreach (Match match in pattern.Matches(folded))
            {
                // A fine word after a negation is a bad report ("网络不是很好", "wifi isn't good"); a negated whole report
                // ("没重启过", "haven't reinstalled") says only that the check was not done, so it is not read.
                var negated = isFine && (subjectFirst ? Negated(match.Groups["gap"].Value) : NegatedBefore(folded, match.Index));
                if (negated && !subjectFirst)
                {
                    continue;
                }

                Add(reports, new SelfCheckReport(check, isFine && !negated, match.Index, match.Length));
            }
        }

        return reports;
    }

    /// <summary>True when the text reports <paramref name="check"/> fine, false when it reports a problem, else null.</summary>
    public static bool? Says(string? text, SelfCheck check)
    {
        bool? said = null;
        foreach (var report in Read(text))
        {
            if (report.Check == check)
            {
                if (!report.IsFine)
                {
                    return false;
                }

                said = true;
            }
        }

        return said;
    }

    /// <summary>
    /// The text without its fine reports, for deciding what the problem is; the text itself when nothing else would be
    /// left (a message that only says "网络没问题" is classified as it is).
    /// </summary>
    public static string WithoutFineReports(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return text;
        }

        var folded = Fold(text);
        var fine = ReadFolded(folded).Where(r => r.IsFine).OrderBy(r => r.Start).ToList();
        if (fine.Count == 0)
        {
            return text;
        }

        var rest = new System.Text.StringBuilder(folded.Length);
        var at = 0;
        foreach (var report in fine)
        {
            if (report.Start > at)
            {
                rest.Append(folded, at, report.Start - at);
            }

            rest.Append(' ');
            at = Math.Max(at, report.Start + report.Length);
        }

        rest.Append(folded, at, folded.Length - at);
        var remaining = rest.ToString();
        return remaining.Count(c => char.IsLetter(c)) >= 2 ? remaining : text;
    }

    private static void Add(List<SelfCheckReport> reports, SelfCheckReport report)
    {
        if (!reports.Exists(r => r.Start < report.Start + report.Length && report.Start < r.Start + r.Length))
        {
            reports.Add(report);
        }
    }

    private static bool Negated(string gap) =>
        Vocabulary.ReportNegators.Any(n => gap.Contains(n, StringComparison.Ordinal));

    /// <summary>A negation right before a fixed report ("没绑定", "not reinstalled", "haven't restarted").</summary>
    private static bool NegatedBefore(string text, int start)
    {
        var before = text[Math.Max(0, start - 8)..start].TrimEnd();
        return Vocabulary.ReportNegators.Any(n => before.EndsWith(n, StringComparison.Ordinal));
    }

    private static string Fold(string text) => AnswerReader.Fold(text, MaxLength);

    private static Regex SubjectPredicate(string[] subjects, string[] predicates) =>
        new($"{Alternation(subjects)}(?<gap>{Gap}){Alternation(predicates)}", RegexOptions.CultureInvariant);

    private static Regex Sequence(string[] first, string[] then) =>
        new($@"{Alternation(first)}\s?{Alternation(then)}", RegexOptions.CultureInvariant);

    private static Regex Phrases(string[] phrases, string after = "") => new(Alternation(phrases) + after, RegexOptions.CultureInvariant);

    /// <summary>Longest first, so a phrase wins over the phrases inside it; Latin ones stand as whole words.</summary>
    private static string Alternation(string[] phrases) =>
        "(?:" + string.Join('|', phrases.OrderByDescending(p => p.Length).Select(Bound)) + ")";

    private static string Bound(string phrase)
    {
        var escaped = Regex.Escape(phrase);
        var start = char.IsAsciiLetterOrDigit(phrase[0]) ? @"(?<![a-z0-9'])" : string.Empty;
        var end = char.IsAsciiLetterOrDigit(phrase[^1]) ? @"(?![a-z0-9])" : string.Empty;
        return start + escaped + end;
    }
}
