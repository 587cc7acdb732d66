using System.Globalization;
using System.Text.RegularExpressions;
using HelpBot.Language.Text;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;

namespace HelpBot.Language.Answers;

/// <summary>A delivery time the customer asked for: a point ("19:30", "in 40 minutes") or a deadline ("八点前", "by 8pm").</summary>
/// <param name="At">The time, in the zone it was read in.</param>
/// <param name="IsLatest">True for a deadline: the order should arrive no later than <paramref name="At"/>.</param>
public sealed record RequestedTime(DateTimeOffset At, bool IsLatest);

/// <summary>
/// Reads the new delivery time a customer asks for, in the platform's time zone, with Microsoft.Recognizers.Text and a
/// few rules of its own around it. Only a time after now and at most <see cref="PlatformWindow"/> ahead (or the window
/// given) counts; anything else is null, so the bot asks again. The rules:
/// <list type="bullet">
/// <item>Chinese spans of time are read here, not by the recognizer (which gets "半小时后" and "一个半小时后" wrong):
/// a number (digits or 一二两…十百, "半", "一个半") with 小时 / 钟头 / 个钟 / 刻钟 / 分钟 counts from now only with a
/// word saying so — "过/再过/等 …" before it or "…后/以后/之后/再送" after it — or when the message is the span and
/// filler alone ("半小时吧"); "…内/以内/之内" makes it a deadline. "等了半小时了", "超过半小时", "还要半小时吗" are not
/// requests, nor is an English span inside a sentence ("waited 40 minutes already").</item>
/// <item>A clock time without am/pm ("8点", "at 8:30") is the first of today h:mm, today h+12:mm, tomorrow h:mm that is
/// still ahead: at 18:40 "8点" is 20:00 today; at 21:00 it is 08:00 tomorrow.</item>
/// <item>A deadline ("八点前", "最晚八点", "before 8pm", "by 8", "no later than 7:30", "8pm at the latest", "within an
/// hour") is the end of the range, with <see cref="RequestedTime.IsLatest"/> set. A range with a start ("after 7pm",
/// "7点以后", "7点到8点", "7-8pm") is its start, not a deadline.</item>
/// <item>A part of the day without a clock hour takes a default: 早上/明早/breakfast 08:00, 上午/morning 10:00,
/// 中午/noon/lunchtime 12:00, 下午/afternoon 15:00, 傍晚 18:00, 晚上/今晚/evening/tonight/dinner time 19:00. Without a day ("中午") it is today's if still
/// ahead, else tomorrow's; with one ("今天中午" at 18:40) a passed default is null.</item>
/// <item>Full-width forms are folded ("19：30"), spaces around Chinese dropped ("7 点半"), "7.30" read as 7:30, and any
/// run of five or more digits (an order or phone number) removed before reading, so it is never a time.</item>
/// </list>
/// "推迟半小时" / "晚一个小时" (later than the current ETA, which this reader does not know), "尽快", "asap" and a day
/// without a time ("明天") are null.
/// </summary>
public static partial class DeliveryTimeReader
{
    /// <summary>How far ahead the platform's change-delivery endpoint accepts <c>scheduledFor</c>: 7 days.</summary>
    public static readonly TimeSpan PlatformWindow = TimeSpan.FromDays(7);

    private const int MaxLength = 300;

    private static readonly string[] Deadline = LongestFirst(Vocabulary.DeliveryDeadline);

    /// <summary>The requested time, or null when the text asks for none that is ahead of now and inside the window.</summary>
    /// <param name="text">What the customer typed.</param>
    /// <param name="language">"zh-CN", "en-US" (or "zh"/"en"): the recognizer's culture tried first; the other is tried when it yields no time.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="zone">The platform's time zone, in which clock times are meant.</param>
    /// <param name="window">How far ahead a time may be; <see cref="PlatformWindow"/> when null.</param>
    public static RequestedTime? Read(string? text, string language, DateTimeOffset now, TimeZoneInfo zone, TimeSpan? window = null)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(zone);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var reading = new Reading(now, TimeZoneInfo.ConvertTime(now, zone), zone, window ?? PlatformWindow);
        var normalized = Normalize(text, out var deadlineWord);
        if (normalized.Length == 0)
        {
            return null;
        }

        if (ChineseDelay(normalized, reading, deadlineWord) is { } delay)
        {
            return delay;
        }

        var chineseFirst = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        return Recognize(normalized, chineseFirst ? Culture.Chinese : Culture.English, reading, deadlineWord)
            ?? Recognize(normalized, chineseFirst ? Culture.English : Culture.Chinese, reading, deadlineWord);
    }

    private sealed record Reading(DateTimeOffset Now, DateTimeOffset LocalNow, TimeZoneInfo Zone, TimeSpan Window)
    {
        public RequestedTime? Accept(DateTime local, bool isLatest)
        {
            var at = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone.GetUtcOffset(local));
            return at > Now && at <= Now + Window ? new RequestedTime(at, isLatest) : null;
        }
    }

    private static string Normalize(string text, out bool deadlineWord)
    {
        var s = TextFolding.FoldWidth(text.Length > MaxLength ? text[..MaxLength] : text).ToLowerInvariant().Replace('’', '\'');
        s = LongDigitRun().Replace(s, " ");
        deadlineWord = false;
        foreach (var word in Deadline)
        {
            if (s.Contains(word, StringComparison.Ordinal))
            {
                deadlineWord = true;
                s = s.Replace(word, word[0] < 128 ? " before " : " ", StringComparison.Ordinal);
            }
        }

        s = DoubledBefore().Replace(s, "before");
        foreach (var (phrase, readAs) in Vocabulary.DeliveryTimeRewrites)
        {
            s = s.Replace(phrase, readAs, StringComparison.Ordinal);
        }

        s = SpaceNextToChinese().Replace(s, string.Empty);
        s = LetterNextToChinese().Replace(s, " "); // "7pm吧" → "7pm 吧", so English words end where Chinese begins
        s = DottedClock().Replace(s, m =>
            int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) < 24 && int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) < 60
                ? m.Groups[1].Value + ":" + m.Groups[2].Value
                : m.Value);
        s = ShortDayPart().Replace(s, m => m.Value == "晚" ? "晚上" : "早上");
        s = BareHourAfterPreposition().Replace(s, m => m.Groups[1].Value + " " + m.Groups[2].Value + ":00");
        return s.Trim();
    }

    private static RequestedTime? ChineseDelay(string text, Reading reading, bool deadlineWord)
    {
        foreach (Match m in ChineseSpan().Matches(text))
        {
            var hasBefore = m.Groups["before"].Success;
            var marker = m.Groups["after"].Value;
            var within = Vocabulary.DelayWithin.Contains(marker);
            var followedByLe = m.Index + m.Length < text.Length && text[m.Index + m.Length] == '了';
            var before = text[..m.Index].TrimEnd();
            if (!hasBefore && Vocabulary.DelayFromEta.Any(w => before.EndsWith(w, StringComparison.Ordinal)))
            {
                continue; // "推迟半小时再送": later than the current ETA, which this reader does not know
            }

            var bare = !hasBefore && marker.Length == 0;
            if (followedByLe && !within && marker.Length == 0)
            {
                continue;
            }

            if (bare && !OnlyFillerBeside(text, m.Index, m.Length))
            {
                continue; // "推迟半小时", "还要半小时吗": not a time from now
            }

            var amount = m.Groups["num"].Success ? ChineseNumber(m.Groups["num"].Value) : 0;
            if (amount is null)
            {
                continue;
            }

            var value = amount.Value + (m.Groups["half"].Success ? 0.5 : 0);
            var minutes = value * m.Groups["unit"].Value switch
            {
                "分钟" or "min" or "mins" or "minute" or "minutes" => 1,
                "刻钟" => 15,
                _ => 60,
            };
            if (minutes <= 0)
            {
                continue;
            }

            return reading.Accept(reading.LocalNow.DateTime.AddMinutes(minutes), within || deadlineWord);
        }

        return null;
    }

    /// <summary>"40" / "1.5" / "四十五" / "两" / "一百二十"; null for what is not a number.</summary>
    private static double? ChineseNumber(string s)
    {
        if (double.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        var total = 0;
        var current = 0;
        foreach (var c in s)
        {
            var digit = "零一二三四五六七八九".IndexOf(c, StringComparison.Ordinal);
            if (c == '两')
            {
                digit = 2;
            }

            if (digit >= 0)
            {
                current = digit;
            }
            else if (c == '十')
            {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
            }
            else if (c == '百')
            {
                total += current * 100;
                current = 0;
            }
            else
            {
                return null;
            }
        }

        return total + current;
    }

    private static RequestedTime? Recognize(string text, string culture, Reading reading, bool deadlineWord)
    {
        DateTime? day = null;
        foreach (var result in DateTimeRecognizer.RecognizeDateTime(text, culture, DateTimeOptions.None, reading.LocalNow.DateTime))
        {
            if (result.Resolution is null || !result.Resolution.TryGetValue("values", out var found)
                || found is not List<Dictionary<string, string>> values || values.Count == 0)
            {
                continue;
            }

            if (result.TypeName.EndsWith(".duration", StringComparison.Ordinal) && !OnlyFillerBeside(text, result.Start, result.End - result.Start + 1))
            {
                continue; // "waited 40 minutes already", "还要半小时吗": a span of time talked about, not asked for
            }

            // "8pm前": the English recognizer reads the time, the Chinese word after it makes it a deadline.
            var rest = text[Math.Clamp(result.End + 1, 0, text.Length)..].TrimStart();
            var beforeWord = Vocabulary.DeadlineAfter.Any(w => rest.StartsWith(w, StringComparison.Ordinal));
            foreach (var (local, isLatest) in Candidates(result.TypeName, result.Text, values, reading, day))
            {
                if (reading.Accept(local, isLatest || deadlineWord || beforeWord) is { } accepted)
                {
                    return accepted;
                }
            }

            // "tomorrow lunchtime": a date alone is no time, but it dates the part of the day that follows it.
            if (values[0].GetValueOrDefault("type") == "date" && DateTime.TryParse(values[0].GetValueOrDefault("value"),
                    CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                day = date.Date;
            }
        }

        return null;
    }

    /// <summary>The local times a recognizer result may mean, most likely first, each with whether it is a deadline.</summary>
    private static IEnumerable<(DateTime Local, bool IsLatest)> Candidates(
        string typeName, string span, List<Dictionary<string, string>> values, Reading reading, DateTime? day)
    {
        var clocks = new List<(TimeSpan Clock, bool IsLatest)>();
        foreach (var value in values)
        {
            var type = value.GetValueOrDefault("type");
            var mod = value.GetValueOrDefault("Mod");
            var timex = value.GetValueOrDefault("timex") ?? string.Empty;
            var raw = value.GetValueOrDefault("value");
            var start = value.GetValueOrDefault("start");
            var end = value.GetValueOrDefault("end");
            switch (type)
            {
                case "time" or "timerange" when DayPart(timex, span) is { } part:
                    clocks.Add((part, mod == "before"));
                    break;
                case "time" or "timerange" when raw is not null && TimeSpan.TryParse(raw, CultureInfo.InvariantCulture, out var clock):
                    clocks.Add((clock, false));
                    break;
                case "timerange" when mod == "before" && TimeSpan.TryParse(end, CultureInfo.InvariantCulture, out var until):
                    clocks.Add((until, true));
                    break;
                case "timerange" when TimeSpan.TryParse(start, CultureInfo.InvariantCulture, out var from):
                    clocks.Add((from, false));
                    break;
                case "datetime" when DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at):
                    yield return (at, false);
                    break;
                case "datetimerange" when DayPart(timex, span) is { } part && DateOf(timex) is { } partDay:
                    yield return (partDay + part, mod == "before");
                    break;
                case "datetimerange":
                    var hasStart = DateTime.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.None, out var rangeStart);
                    var hasEnd = DateTime.TryParse(end, CultureInfo.InvariantCulture, DateTimeStyles.None, out var rangeEnd);
                    if (mod == "before" && hasEnd)
                    {
                        yield return (rangeEnd, true);
                    }
                    else if (hasStart && hasEnd && rangeStart <= reading.LocalNow.DateTime && rangeEnd > reading.LocalNow.DateTime)
                    {
                        yield return (rangeEnd, true); // "within an hour": from now to the end
                    }
                    else if (hasStart)
                    {
                        yield return (rangeStart, false);
                    }

                    break;
                case "duration" when double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds):
                    yield return (reading.LocalNow.DateTime.AddSeconds(seconds), false);
                    break;
            }
        }

        // Clock times without a date: today's readings first (08:00, then 20:00), then tomorrow's.
        var days = day is { } d ? [d] : new[] { reading.LocalNow.Date, reading.LocalNow.Date.AddDays(1) };
        foreach (var date in days)
        {
            foreach (var (clock, isLatest) in clocks)
            {
                yield return (date + clock, isLatest);
            }
        }
    }

    /// <summary>The default clock time of a part of the day without an hour ("TMO", "2026-11-25TMI"), or null.</summary>
    private static TimeSpan? DayPart(string timex, string span)
    {
        var t = timex.LastIndexOf('T');
        if (t < 0 || timex.IndexOf('(', StringComparison.Ordinal) >= 0)
        {
            return null;
        }

        return timex[(t + 1)..] switch
        {
            "MO" when span.Contains('早') && !span.Contains("上午", StringComparison.Ordinal) => new TimeSpan(8, 0, 0),
            "MO" => new TimeSpan(10, 0, 0),
            "MEB" => new TimeSpan(8, 0, 0),
            "MI" or "MEL" => new TimeSpan(12, 0, 0),
            "AF" => new TimeSpan(15, 0, 0),
            "EV" when span.Contains("傍晚", StringComparison.Ordinal) => new TimeSpan(18, 0, 0),
            "EV" or "NI" or "MED" => new TimeSpan(19, 0, 0),
            _ => null,
        };
    }

    private static DateTime? DateOf(string timex)
    {
        var t = timex.LastIndexOf('T');
        return t == 10 && DateTime.TryParseExact(timex[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
    }

    /// <summary>
    /// Whether the text holds nothing but the span and filler ("半小时吧", "40 minutes pls"), so a bare span of time is an
    /// answer ("in that long") rather than something said about the wait.
    /// </summary>
    private static bool OnlyFillerBeside(string text, int start, int length)
    {
        start = Math.Clamp(start, 0, text.Length);
        var rest = text.Remove(start, Math.Clamp(length, 0, text.Length - start));
        foreach (var word in FillerWord().Split(rest))
        {
            if (word.Length > 0 && !Vocabulary.DelayFiller.Contains(word) && !word.All(c => Vocabulary.DelayFillerChinese.Contains(c)))
            {
                return false;
            }
        }

        return true;
    }

    private static string[] LongestFirst(string[] words) => [.. words.OrderByDescending(w => w.Length)];

    [GeneratedRegex(@"(?<=[a-z])(?=\p{IsCJKUnifiedIdeographs})|(?<=\p{IsCJKUnifiedIdeographs})(?=[a-z])")]
    private static partial Regex LetterNextToChinese();

    [GeneratedRegex(@"[^\p{L}\p{N}']+")]
    private static partial Regex FillerWord();

    [GeneratedRegex(@"\bbefore(?:\s+before)+\b")]
    private static partial Regex DoubledBefore();

    [GeneratedRegex(@"\d{5,}")]
    private static partial Regex LongDigitRun();

    [GeneratedRegex(@"(?<=[0-9\p{IsCJKUnifiedIdeographs}])\s+(?=\p{IsCJKUnifiedIdeographs})|(?<=\p{IsCJKUnifiedIdeographs})\s+(?=[0-9])")]
    private static partial Regex SpaceNextToChinese();

    [GeneratedRegex(@"(?<![\d.])(\d{1,2})\.(\d{2})(?![\d.])")]
    private static partial Regex DottedClock();

    [GeneratedRegex(@"(?<![早晚最])[早晚](?=[0-9一二三四五六七八九十两]+[点:])")]
    private static partial Regex ShortDayPart();

    [GeneratedRegex(@"\b(before|after|until|till|til|by|at|around|from)\s+(\d{1,2})\b(?![:.]\d|\s*(?:am|pm|a\.m|p\.m|o'?clock|h\b|hours?|hrs?|mins?|minutes?))")]
    private static partial Regex BareHourAfterPreposition();

    // Built from the vocabulary: a number of hours or minutes, with the words before or after it that make it count from now.
    private static readonly Regex ChineseSpanPattern = new(
        @"(?<![超经不])(?<before>" + Alternation(Vocabulary.DelayBefore) + @")?\s*" +
        @"(?:(?<num>[0-9]+(?:\.[0-9]+)?|[零一二两三四五六七八九十百]+)\s*个?\s*(?<half>半)?|(?<half>半))\s*个?\s*" +
        @"(?<unit>小时|钟头|刻钟|分钟|(?<=个)钟|minutes?|mins?|hours?|hrs?)\s*(?<after>" + Alternation([.. Vocabulary.DelayAfter, .. Vocabulary.DelayWithin]) + ")?",
        RegexOptions.CultureInvariant);

    private static Regex ChineseSpan() => ChineseSpanPattern;

    private static string Alternation(string[] words) => string.Join("|", LongestFirst(words).Select(Regex.Escape));
}
