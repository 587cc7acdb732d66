using System.Globalization;
using System.Text.RegularExpressions;
using HelpBot.Language.Model;
using HelpBot.Language.Text;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using Microsoft.Recognizers.Text.NumberWithUnit;
using Microsoft.Recognizers.Text.Sequence;

namespace HelpBot.Language.Entities;

/// <summary>
/// Finds and normalises entities. Microsoft.Recognizers.Text does phone numbers (Sequence), money (NumberWithUnit
/// currency), clock times, relative times and durations (DateTime); our own rules cover what it cannot: order numbers
/// (a platform format), bank cards to ignore, colloquial "两块五", "¥" meaning yuan, and app versions.
/// Recognizer models are created once and shared; they hold no per-call state.
/// </summary>
public sealed partial class EntityExtractor
{
    private readonly LanguageModels _zh = new(Culture.Chinese);
    private readonly LanguageModels _en = new(Culture.English);

    /// <param name="text">The original message (spans index into it).</param>
    /// <param name="language">Detected language; mixed-script messages are read with both cultures.</param>
    /// <param name="now">Reference time for relative expressions.</param>
    public IReadOnlyList<RecognizedEntity> Extract(string text, string language, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = TextFolding.FoldWidth(text);
        var lower = folded.ToLowerInvariant();
        var models = ModelsFor(folded, language);
        var found = new EntityCandidates(text);

        if (!MayHoldQuantity().IsMatch(lower))
        {
            // Most messages carry no number at all; skipping the recognizer models for them keeps parsing cheap.
            return found.InOrder();
        }

        AddOrderNumbers(lower, found);
        var windows = ModelWindows(folded);
        AddPhones(folded, windows, models, found);
        AddAppVersions(lower, found);
        AddChineseElapsed(windows, found);
        foreach (var m in models)
        {
            AddTimes(windows, m, now, found);
        }

        AddColloquialYuan(windows, found);
        foreach (var m in models)
        {
            AddCurrencies(windows, m, found);
        }

        AddSymbolMoney(lower, found);
        return found.InOrder();
    }

    /// <summary>
    /// What Microsoft.Recognizers.Text's models read: windows of at most <see cref="MaxWindow"/> characters, cut after a
    /// space or punctuation mark where there is one, with digit runs too long to be a phone, an amount or a time blanked
    /// out (same length, so spans still index the text), windows without a number skipped, and at most
    /// <see cref="MaxModelCharacters"/> read in all. The models' cost grows faster than the length of what they read
    /// (2000 digits took over a second), so bounded windows keep every message's cost bounded.
    /// </summary>
    internal static IReadOnlyList<(int Offset, string Text)> ModelWindows(string folded)
    {
        var masked = LongDigitRun().Replace(folded, m => new string(' ', m.Length));
        var windows = new List<(int, string)>();
        var start = 0;
        var read = 0;
        while (start < masked.Length && read < MaxModelCharacters)
        {
            var end = Math.Min(masked.Length, start + MaxWindow);
            if (end < masked.Length)
            {
                var cut = masked.LastIndexOfAny(WindowBreaks, end - 1, end - start - (MaxWindow / 2));
                end = cut >= 0 ? cut + 1 : end;
            }

            var window = masked[start..end];
            if (MayHoldQuantity().IsMatch(window.ToLowerInvariant()))
            {
                windows.Add((start, window));
                read += window.Length;
            }

            start = end;
        }

        return windows;
    }

    internal const int MaxWindow = 160;

    /// <summary>At most this much of a message goes through the models (times, money and phones come early in what customers write); order numbers and versions are found in all of it.</summary>
    internal const int MaxModelCharacters = 640;
    private static readonly char[] WindowBreaks = [' ', '\n', '\t', ',', '.', '!', '?', ';', '，', '。', '！', '？', '；', '、'];

    private IReadOnlyList<LanguageModels> ModelsFor(string folded, string language)
    {
        var hasHan = folded.Any(TextFolding.IsCjk);
        var hasLatin = folded.Any(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'));
        if (hasHan && hasLatin)
        {
            return language == SupportedLocales.English ? [_en, _zh] : [_zh, _en];
        }

        return hasHan || (!hasLatin && language == SupportedLocales.Chinese) ? [_zh] : [_en];
    }

    // ---- order numbers -------------------------------------------------------------------------------------------

    private static void AddOrderNumbers(string lower, EntityCandidates found)
    {
        foreach (Match m in DigitGroupRun().Matches(lower))
        {
            var digits = DigitsOnly(m.Value);
            if (digits.Length is < 16 or > 19 || IsIntroducedAsCard(lower, m.Index))
            {
                continue;
            }

            found.TryAdd(EntityTypes.OrderNumber, digits, m.Index, m.Length);
        }
    }

    /// <summary>True when the nearest keyword before the number names a card rather than an order.</summary>
    private static bool IsIntroducedAsCard(string lower, int start)
    {
        var windowStart = Math.Max(0, start - 16);
        var window = lower[windowStart..start];
        var card = LastIndexOfAny(window, CardWords);
        var order = LastIndexOfAny(window, OrderWords);
        return card >= 0 && card > order;
    }

    // Not a bare "卡": 卡住/卡着/卡在 mean "stuck" ("订单卡住了 2611…" introduces an order number).
    private static readonly string[] CardWords = ["卡号", "银行卡", "信用卡", "储蓄卡", "借记卡", "的卡", "张卡", "卡是", "card", "visa", "mastercard", "银联"];
    private static readonly string[] OrderWords = ["订单", "单号", "order", "#"];

    private static int LastIndexOfAny(string window, string[] words) =>
        words.Select(w => window.LastIndexOf(w, StringComparison.Ordinal)).DefaultIfEmpty(-1).Max();

    // ---- phones --------------------------------------------------------------------------------------------------

    private static void AddPhones(string folded, IReadOnlyList<(int Offset, string Text)> windows, IReadOnlyList<LanguageModels> models, EntityCandidates found)
    {
        foreach (var (offset, window) in windows)
        {
            foreach (var result in models[0].Phone.Parse(window))
            {
                if (NormalizeMobile(result.Text) is { } mobile)
                {
                    found.TryAdd(EntityTypes.Phone, mobile, offset + result.Start, result.End - result.Start + 1);
                }
            }
        }

        // The sequence model misses some spacings ("138 0013 8000" glued to Han text); a strict mainland-mobile
        // pattern picks those up.
        foreach (Match m in MainlandMobile().Matches(folded))
        {
            if (NormalizeMobile(m.Value) is { } mobile)
            {
                found.TryAdd(EntityTypes.Phone, mobile, m.Index, m.Length);
            }
        }
    }

    private static string? NormalizeMobile(string raw) => Text.MainlandMobile.FromDigits(DigitsOnly(raw));

    // ---- app versions --------------------------------------------------------------------------------------------

    private static void AddAppVersions(string lower, EntityCandidates found)
    {
        foreach (Match m in AppVersion().Matches(lower))
        {
            found.TryAdd(EntityTypes.AppVersion, m.Groups["v"].Value, m.Index, m.Length);
        }
    }

    // ---- times and durations -------------------------------------------------------------------------------------

    private static void AddTimes(IReadOnlyList<(int Offset, string Text)> windows, LanguageModels models, DateTime now, EntityCandidates found)
    {
        foreach (var (offset, result) in windows.SelectMany(w => models.DateTime.Parse(w.Text, now).Select(r => (w.Offset, r))))
        {
            var start = offset + result.Start;
            var length = result.End - result.Start + 1;
            var first = FirstResolution(result);
            if (first is null || found.Overlaps(start, length))
            {
                continue;
            }

            var value = NormalizeTime(result.TypeName, result.Text, first, now);
            if (value is not null)
            {
                var type = value.EndsWith("min", StringComparison.Ordinal) && !value.StartsWith("now", StringComparison.Ordinal)
                    ? EntityTypes.Duration
                    : EntityTypes.Time;
                found.TryAdd(type, value, start, length);
            }
        }
    }

    private static string? NormalizeTime(string typeName, string spanText, IReadOnlyDictionary<string, string> resolution, DateTime now)
    {
        resolution.TryGetValue("value", out var raw);
        resolution.TryGetValue("timex", out var timex);
        switch (typeName)
        {
            case "datetimeV2.duration":
                return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 60
                    ? $"{Math.Round(seconds / 60).ToString(CultureInfo.InvariantCulture)}min"
                    : null;

            case "datetimeV2.time":
                return TimeSpan.TryParse(raw, CultureInfo.InvariantCulture, out var clock) ? clock.ToString(@"hh\:mm", CultureInfo.InvariantCulture) : null;

            case "datetimeV2.datetime":
                if (!DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
                {
                    return null;
                }

                if (AgoMarker().IsMatch(spanText))
                {
                    var minutes = (int)Math.Round((now - at).TotalMinutes);
                    return minutes > 0 ? $"now-{minutes.ToString(CultureInfo.InvariantCulture)}min" : null;
                }

                if (timex is null || !timex.Contains('T', StringComparison.Ordinal))
                {
                    return null;
                }

                var hhmm = at.ToString("HH:mm", CultureInfo.InvariantCulture);
                return (at.Date - now.Date).Days switch
                {
                    0 => hhmm,
                    -1 => $"yesterday {hhmm}",
                    1 => $"tomorrow {hhmm}",
                    _ => null,
                };

            default:
                return null;
        }
    }

    /// <summary>
    /// "半小时前", "一个半小时", "两个小时前", "40分钟": the Chinese DateTime model drops the "一个" of "一个半小时" and
    /// resolves "半小时前" to the reference time itself, so Chinese hour/minute spans are read here.
    /// </summary>
    private void AddChineseElapsed(IReadOnlyList<(int Offset, string Text)> windows, EntityCandidates found)
    {
        foreach (var (offset, m) in windows.SelectMany(w => ChineseElapsed().Matches(w.Text).Select(m => (w.Offset, m))))
        {
            decimal minutes;
            if (m.Groups["min"].Success)
            {
                minutes = ParseChineseOrArabic(m.Groups["min"].Value) ?? 0;
            }
            else
            {
                var hours = m.Groups["hours"].Success ? ParseChineseOrArabic(m.Groups["hours"].Value) ?? 0 : 0;
                minutes = (hours * 60) + (m.Groups["half"].Success ? 30 : 0);
            }

            if (minutes <= 0)
            {
                continue;
            }

            var n = decimal.Round(minutes).ToString(CultureInfo.InvariantCulture);
            if (m.Groups["ago"].Success)
            {
                found.TryAdd(EntityTypes.Time, $"now-{n}min", offset + m.Index, m.Length);
            }
            else
            {
                found.TryAdd(EntityTypes.Duration, $"{n}min", offset + m.Index, m.Length);
            }
        }
    }

    private static Dictionary<string, string>? FirstResolution(ModelResult result)
    {
        if (result.Resolution is null || !result.Resolution.TryGetValue("values", out var values) || values is not IEnumerable<object> list)
        {
            return null;
        }

        return list.OfType<IDictionary<string, string>>().Select(d => new Dictionary<string, string>(d)).FirstOrDefault();
    }

    // ---- money ---------------------------------------------------------------------------------------------------

    /// <summary>"两块五", "十二块五毛", "3块5": yuan plus tenths, which the currency model reads as whole yuan only.</summary>
    private void AddColloquialYuan(IReadOnlyList<(int Offset, string Text)> windows, EntityCandidates found)
    {
        foreach (var (offset, m) in windows.SelectMany(w => ColloquialYuan().Matches(w.Text).Select(m => (w.Offset, m))))
        {
            var yuan = ParseChineseOrArabic(m.Groups["yuan"].Value);
            var jiao = SingleDigit(m.Groups["jiao"].Value);
            if (yuan is null || jiao is null)
            {
                continue;
            }

            found.TryAdd(EntityTypes.Money, FormatMoney(yuan.Value + (jiao.Value / 10m), "CNY"), offset + m.Index, m.Length);
        }
    }

    private static void AddCurrencies(IReadOnlyList<(int Offset, string Text)> windows, LanguageModels models, EntityCandidates found)
    {
        foreach (var (offset, result) in windows.SelectMany(w => models.Currency.Parse(w.Text).Select(r => (w.Offset, r))))
        {
            var resolution = result.Resolution;
            if (resolution is null
                || !resolution.TryGetValue("value", out var valueObject)
                || !decimal.TryParse(valueObject?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
            {
                continue;
            }

            resolution.TryGetValue("isoCurrency", out var isoObject);
            resolution.TryGetValue("unit", out var unitObject);
            var unit = unitObject?.ToString();
            var iso = isoObject?.ToString();
            var spanText = result.Text;

            // Here "¥" is always the yuan; the recognizer reads it as the Japanese yen.
            if (spanText.Contains('¥', StringComparison.Ordinal) || spanText.Contains('￥', StringComparison.Ordinal))
            {
                iso = "CNY";
            }

            (iso, amount) = (iso, unit) switch
            {
                ({ Length: > 0 }, _) => (iso, amount),
                (_, "Dollar") => ("USD", amount),
                (_, "Chinese yuan") => ("CNY", amount),
                (_, "Jiao") => ("CNY", amount / 10m),
                _ => (null, amount), // fen alone ("5分") is far more often a score or minutes than money
            };
            if (iso is null || amount <= 0)
            {
                continue;
            }

            found.TryAdd(EntityTypes.Money, FormatMoney(amount, iso), offset + result.Start, result.End - result.Start + 1);
        }
    }

    /// <summary>"RMB 20", "¥ 35", "cny 12.5": the currency model finds the unit but leaves the amount empty.</summary>
    private static void AddSymbolMoney(string lower, EntityCandidates found)
    {
        foreach (Match m in SymbolMoney().Matches(lower))
        {
            if (decimal.TryParse(m.Groups["amount"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount > 0)
            {
                var iso = m.Groups["symbol"].Value == "$" || m.Groups["symbol"].Value == "usd" ? "USD" : "CNY";
                found.TryAdd(EntityTypes.Money, FormatMoney(amount, iso), m.Index, m.Length);
            }
        }
    }

    /// <summary>Whole amounts as integers ("35 CNY"), anything else with two decimals ("2.50 CNY", "12.40 USD").</summary>
    public static string FormatMoney(decimal amount, string iso)
    {
        var number = amount == decimal.Truncate(amount)
            ? decimal.Truncate(amount).ToString(CultureInfo.InvariantCulture)
            : amount.ToString("0.00", CultureInfo.InvariantCulture);
        return $"{number} {iso}";
    }

    private decimal? ParseChineseOrArabic(string numeral)
    {
        if (numeral.Length > MaxNumeralLength)
        {
            return null; // no price or time is written with this many numerals; reading it would only cost time
        }

        if (decimal.TryParse(numeral, NumberStyles.Integer, CultureInfo.InvariantCulture, out var arabic))
        {
            return arabic;
        }

        var parsed = _zh.Number.Parse(numeral);
        return parsed.Count == 1 && parsed[0].Text.Length == numeral.Length
            && decimal.TryParse(parsed[0].Resolution?["value"]?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    private static int? SingleDigit(string c) => c switch
    {
        "一" => 1, "二" or "两" => 2, "三" => 3, "四" => 4, "五" => 5, "六" => 6, "七" => 7, "八" => 8, "九" => 9,
        [>= '1' and <= '9'] => c[0] - '0',
        _ => null,
    };

    private static string DigitsOnly(string text) => new([.. text.Where(char.IsAsciiDigit)]);

    private const int MaxNumeralLength = 12;

    // ---- patterns ------------------------------------------------------------------------------------------------

    // Longer than any order number, phone, amount or time. Bounded counts in the patterns below keep every one of
    // them linear in the text (an unbounded \d+ before a unit retried the whole rest of a long digit run at each digit).
    [GeneratedRegex(@"\d{21,}")]
    private static partial Regex LongDigitRun();

    // Digits in groups separated by single spaces or dashes, not touching other digits.
    [GeneratedRegex(@"(?<![\d.])\d(?:[ \-]?\d){15,18}(?![\d])")]
    private static partial Regex DigitGroupRun();

    [GeneratedRegex(@"(?<![\d+])(?:(?:\+|00)86[ \-]?)?1[3-9]\d(?:[ \-]?\d){8}(?!\d)")]
    private static partial Regex MainlandMobile();

    [GeneratedRegex(@"(?:\bv|\bver\.?\s*|\bversion\s*|版本号?\s*[:：]?\s*)(?<v>\d+(?:\.\d+){1,3})(?![\d.])|(?<![\d.])(?<v>\d+\.\d+\.\d+(?:\.\d+)?)(?![\d.])")]
    private static partial Regex AppVersion();

    // Digits, Chinese numerals, or the English words a time or amount can be written with.
    [GeneratedRegex(@"[0-9零〇一二两三四五六七八九十百千半]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|half|quarter|hours?|minutes?|mins?|ago|noon|midnight|yesterday|tomorrow|today|tonight)\b")]
    private static partial Regex MayHoldQuantity();

    [GeneratedRegex(@"(?:(?<hours>(?<!\d)\d{1,3}|[一二两三四五六七八九十]{1,4})\s*个?\s*(?<half>半)?\s*(?:小时|钟头)|(?<half>半)\s*个?\s*(?:小时|钟头)|(?<min>(?<!\d)\d{1,4}|[一二两三四五六七八九十]{1,4})\s*分钟)(?:\s*(?<ago>以前|之前|前))?")]
    private static partial Regex ChineseElapsed();

    [GeneratedRegex(@"前|以前|之前|ago|before|earlier", RegexOptions.IgnoreCase)]
    private static partial Regex AgoMarker();

    [GeneratedRegex(@"(?<yuan>(?<!\d)\d{1,6}|[零一二两三四五六七八九十百千]{1,8})\s*[块塊元](?<jiao>[1-9一二两三四五六七八九])(?:毛|角)?(?![\d零一二三四五六七八九十百千万块元])")]
    private static partial Regex ColloquialYuan();

    [GeneratedRegex(@"(?<symbol>¥|rmb|cny|usd|\$)\s*(?<amount>\d+(?:\.\d{1,2})?)(?![\d.])")]
    private static partial Regex SymbolMoney();

    private sealed class LanguageModels(string culture)
    {
        public DateTimeModel DateTime { get; } = (DateTimeModel)new DateTimeRecognizer(culture).GetDateTimeModel();
        public IModel Currency { get; } = new NumberWithUnitRecognizer(culture).GetCurrencyModel();
        public IModel Phone { get; } = new SequenceRecognizer(culture).GetPhoneNumberModel();
        public IModel Number { get; } = new Microsoft.Recognizers.Text.Number.NumberRecognizer(culture).GetNumberModel();
    }
}
