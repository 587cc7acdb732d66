using HelpBot.Language.Answers;
using HelpBot.Language.Entities;
using HelpBot.Language.Intents;
using HelpBot.Language.Model;
using HelpBot.Language.Text;
using Microsoft.Extensions.Logging;

namespace HelpBot.Language;

/// <summary>
/// Intent classifier (ML.NET: the model shipped in Data/intent-model.zip, trained at build time by
/// tools/HelpBot.NluTrain; trained at construction from the embedded Data/train.tsv, with a warning, only when that
/// model is missing or stale), narrow override rules, negation focus, self-check reports left out, and entity extraction. Construct once and share;
/// all members are thread-safe.
/// </summary>
public sealed class HelpBotRecognizer : IHelpBotRecognizer
{
    /// <summary>
    /// Characters of a message that are analysed; the rest is ignored. The same as the bot's default message limit
    /// (HelpBot:Input:MaxTextLength) and the NLU API's, so a caller that skips those limits still pays a bounded cost.
    /// </summary>
    public const int MaxAnalysedLength = 2000;

    /// <summary>Score given to an intent chosen by an explicit keyword rule, unless the classifier was surer.</summary>
    private const double RuleScore = 0.95;

    private readonly IntentClassifier _classifier;
    private readonly EntityExtractor _entities = new();
    private readonly TimeProvider _time;

    public HelpBotRecognizer()
        : this(TimeProvider.System)
    {
    }

    public HelpBotRecognizer(TimeProvider time)
        : this(time, logger: null)
    {
    }

    /// <summary>
    /// Uses the shipped intent model; when it does not match the embedded training data, trains and logs a warning
    /// (to <paramref name="logger"/>, or standard error without one).
    /// </summary>
    public HelpBotRecognizer(TimeProvider time, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        if (ShippedIntentModel.TryLoad(out var staleReason) is { } shipped)
        {
            _classifier = shipped;
            UsesShippedIntentModel = true;
            return;
        }

        var warning = $"Training the intent classifier at start-up: {staleReason}. Run {ShippedIntentModel.RetrainCommand}.";
        if (logger is not null)
        {
#pragma warning disable CA1848, CA2254 // One warning per process; the message is built above.
            logger.LogWarning(warning);
#pragma warning restore CA1848, CA2254
        }
        else
        {
            Console.Error.WriteLine("warning: " + warning);
        }

        _classifier = IntentClassifier.Train(IntentDataset.LoadEmbeddedTraining());
    }

    /// <summary>Trains on the given utterances instead of the embedded set (evaluation, experiments).</summary>
    public HelpBotRecognizer(IEnumerable<LabeledUtterance> training, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _classifier = IntentClassifier.Train(training);
        _time = time;
    }

    /// <summary>True when the intent model was loaded from the shipped file rather than trained at construction.</summary>
    public bool UsesShippedIntentModel { get; }

    /// <summary>The intent classifier's ranking alone (no rules, no negation focus); for model checks.</summary>
    internal IReadOnlyList<IntentScore> ScoreIntents(string text) => _classifier.Score(text);

    public RecognitionResult Recognize(string text, string? locale)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = Analysed(text);
        var language = LanguageDetector.Detect(text, locale);
        // What the customer rules out ("不是支付的问题") does not vote. Nor, as a rule, do the checks they say are fine
        // ("won't pay. wifi is fine"): they are not the problem. But naming them also says where the trouble is ("wifi is
        // fine, app is up to date, still can't open it"), so the reading the classifier is surer of wins.
        var focus = NegationFocus.Extract(text) ?? text;
        var ranked = _classifier.Score(focus);
        var withoutChecks = SelfCheckReports.WithoutFineReports(focus);
        if (!ReferenceEquals(withoutChecks, focus) && _classifier.Score(withoutChecks) is var rest && rest[0].Score > ranked[0].Score)
        {
            ranked = rest;
        }

        var ruled = IntentOverrideRules.Match(TextFolding.FoldWidth(text).ToLowerInvariant());
        if (ruled is not null)
        {
            ranked = PutFirst(ranked, ruled);
        }

        var entities = _entities.Extract(text, language, _time.GetLocalNow().DateTime);
        return new RecognitionResult(ranked[0].Intent, ranked[0].Score, ranked, entities, language);
    }

    /// <summary>The first <see cref="MaxAnalysedLength"/> characters, not cutting a surrogate pair in two.</summary>
    private static string Analysed(string text)
    {
        if (text.Length <= MaxAnalysedLength)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[MaxAnalysedLength - 1]) ? MaxAnalysedLength - 1 : MaxAnalysedLength;
        return text[..cut];
    }

    /// <summary>Moves <paramref name="intent"/> to the top with at least <see cref="RuleScore"/>, rescaling the rest.</summary>
    private static IReadOnlyList<IntentScore> PutFirst(IReadOnlyList<IntentScore> ranked, string intent)
    {
        var current = ranked.First(s => s.Intent == intent).Score;
        var top = Math.Max(current, RuleScore);
        var restSum = ranked.Where(s => s.Intent != intent).Sum(s => s.Score);
        var scale = restSum > 0 ? (1 - top) / restSum : 0;
        return
        [
            new IntentScore(intent, top),
            .. ranked.Where(s => s.Intent != intent).Select(s => s with { Score = s.Score * scale }),
        ];
    }
}
