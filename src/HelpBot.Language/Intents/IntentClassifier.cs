using HelpBot.Language.Model;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace HelpBot.Language.Intents;

/// <summary>
/// ML.NET text classifier: character 1–3-grams plus word/Han-character 1–2-grams, TF-IDF-free bag with L2 norm, and a
/// single-threaded L-BFGS maximum-entropy trainer with a fixed seed, so the same data always gives the same model.
/// A trained model can be saved (<see cref="Save"/>, tools/HelpBot.NluTrain) and loaded back (<see cref="Load"/>)
/// instead of training at start-up. Prediction engines are not thread-safe, so they are pooled.
/// </summary>
public sealed class IntentClassifier
{
    private const int Seed = 20240611;
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly DataViewSchema _inputSchema;
    private readonly ObjectPool<PredictionEngine<IntentInput, IntentOutput>> _engines;
    private readonly string[] _labels;

    private IntentClassifier(MLContext ml, ITransformer model, DataViewSchema inputSchema)
    {
        _ml = ml;
        _model = model;
        _inputSchema = inputSchema;
        _engines = new DefaultObjectPool<PredictionEngine<IntentInput, IntentOutput>>(new EnginePolicy(ml, model), Environment.ProcessorCount * 4);

        var engine = _engines.Get();
        VBuffer<ReadOnlyMemory<char>> slotNames = default;
        engine.OutputSchema[nameof(IntentOutput.Score)].GetSlotNames(ref slotNames);
        _labels = slotNames.DenseValues().Select(s => s.ToString()).ToArray();
        _engines.Return(engine);
    }

    /// <summary>Loads a model written by <see cref="Save"/> (the stream is read to its end).</summary>
    public static IntentClassifier Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var ml = new MLContext(seed: Seed);
        var model = ml.Model.Load(stream, out var inputSchema);
        return new IntentClassifier(ml, model, inputSchema);
    }

    /// <summary>Writes the trained model (ML.NET zip format) to <paramref name="stream"/>.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _ml.Model.Save(_model, _inputSchema, stream);
    }

    public static IntentClassifier Train(IEnumerable<LabeledUtterance> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var ml = new MLContext(seed: Seed);
        var rows = data.Select(u =>
        {
            var (chars, words) = IntentTextPreprocessor.Prepare(u.Text);
            return new IntentInput { Label = u.Intent, Chars = chars, Words = words };
        }).ToList();
        var trainingView = ml.Data.LoadFromEnumerable(rows);

        var charOptions = new TextFeaturizingEstimator.Options
        {
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = true },
            WordFeatureExtractor = null,
            CaseMode = TextNormalizingEstimator.CaseMode.None,
            KeepPunctuations = true,
            KeepNumbers = true,
        };
        var wordOptions = new TextFeaturizingEstimator.Options
        {
            CharFeatureExtractor = null,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CaseMode = TextNormalizingEstimator.CaseMode.None,
            KeepPunctuations = true,
            KeepNumbers = true,
        };
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = "LabelKey",
            FeatureColumnName = "Features",
            NumberOfThreads = 1,
            L1Regularization = 0,
            L2Regularization = 0.01f,
            OptimizationTolerance = 1e-4f,
            MaximumNumberOfIterations = 100,
        });

        var pipeline = ml.Transforms.Conversion.MapValueToKey("LabelKey", nameof(IntentInput.Label))
            .Append(ml.Transforms.Text.FeaturizeText("CharFeatures", charOptions, nameof(IntentInput.Chars)))
            .Append(ml.Transforms.Text.FeaturizeText("WordFeatures", wordOptions, nameof(IntentInput.Words)))
            .Append(ml.Transforms.Concatenate("Features", "CharFeatures", "WordFeatures"))
            .Append(trainer)
            .Append(ml.Transforms.Conversion.MapKeyToValue(nameof(IntentOutput.PredictedLabel), "PredictedLabel"));

        var model = pipeline.Fit(trainingView);
        return new IntentClassifier(ml, model, trainingView.Schema);
    }

    /// <summary>All known intents ranked by probability, best first.</summary>
    public IReadOnlyList<IntentScore> Score(string text)
    {
        var (chars, words) = IntentTextPreprocessor.Prepare(text);
        var engine = _engines.Get();
        float[] scores;
        try
        {
            scores = engine.Predict(new IntentInput { Chars = chars, Words = words }).Score;
        }
        finally
        {
            _engines.Return(engine);
        }

        var ranked = new IntentScore[_labels.Length];
        for (var i = 0; i < ranked.Length; i++)
        {
            ranked[i] = new IntentScore(_labels[i], scores[i]);
        }

        // Stable order on ties: by score, then by label, so results never depend on anything but the input.
        return [.. ranked.OrderByDescending(s => s.Score).ThenBy(s => s.Intent, StringComparer.Ordinal)];
    }

    private sealed class EnginePolicy(MLContext ml, ITransformer model) : PooledObjectPolicy<PredictionEngine<IntentInput, IntentOutput>>
    {
        public override PredictionEngine<IntentInput, IntentOutput> Create() =>
            ml.Model.CreatePredictionEngine<IntentInput, IntentOutput>(model);

        public override bool Return(PredictionEngine<IntentInput, IntentOutput> obj) => true;
    }

#pragma warning disable CA1812 // Instantiated by ML.NET through reflection.
    internal sealed class IntentInput
    {
        public string Label { get; set; } = string.Empty;
        public string Chars { get; set; } = string.Empty;
        public string Words { get; set; } = string.Empty;
    }

    internal sealed class IntentOutput
    {
        public string PredictedLabel { get; set; } = string.Empty;
        public float[] Score { get; set; } = [];
    }
#pragma warning restore CA1812
}
