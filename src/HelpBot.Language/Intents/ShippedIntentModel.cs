using System.Security.Cryptography;
using System.Text;

namespace HelpBot.Language.Intents;

/// <summary>
/// The intent model trained at build time by tools/HelpBot.NluTrain and embedded next to the training data
/// (Data/intent-model.zip), with the fingerprint of the data it was trained on (Data/intent-model.sha256).
/// The recognizer uses it only when that fingerprint matches the embedded Data/train.tsv; otherwise it trains.
/// </summary>
public static class ShippedIntentModel
{
    /// <summary>
    /// Part of the fingerprint: bump it whenever the featurisation, the trainer or its options change
    /// (<see cref="IntentClassifier.Train"/>, <see cref="IntentTextPreprocessor"/>), so an old model is never used.
    /// </summary>
    public const string FormatVersion = "1";

    public const string ModelFileName = "intent-model.zip";
    public const string FingerprintFileName = "intent-model.sha256";
    public const string RetrainCommand = "dotnet run --project tools/HelpBot.NluTrain -c Release";

    private const string TrainingResource = "HelpBot.Language.Data.train.tsv";
    private const string ModelResource = "HelpBot.Language.Data." + ModelFileName;
    private const string FingerprintResource = "HelpBot.Language.Data." + FingerprintFileName;

    /// <summary>
    /// SHA-256 (lower-case hex) of the model-format version and the training file's bytes, line endings normalised
    /// (a CRLF checkout gives the same fingerprint).
    /// </summary>
    public static string Fingerprint(byte[] trainingTsv)
    {
        ArgumentNullException.ThrowIfNull(trainingTsv);
        var header = Encoding.UTF8.GetBytes($"helpbot-intent-model/{FormatVersion}\n");
        var content = trainingTsv.Where(b => b != (byte)'\r');
        return Convert.ToHexStringLower(SHA256.HashData([.. header, .. content]));
    }

    /// <summary>Fingerprint of the training data embedded in this assembly.</summary>
    public static string EmbeddedTrainingFingerprint() => Fingerprint(ReadResource(TrainingResource)
        ?? throw new InvalidOperationException($"Embedded resource {TrainingResource} is missing."));

    /// <summary>The fingerprint shipped with the embedded model, or null when no model is embedded.</summary>
    public static string? ShippedFingerprint() =>
        ReadResource(FingerprintResource) is { } bytes ? Encoding.UTF8.GetString(bytes).Trim() : null;

    /// <summary>
    /// Loads the embedded model when it was trained on the embedded training data; otherwise null and the reason.
    /// </summary>
    public static IntentClassifier? TryLoad(out string? staleReason)
    {
        var shipped = ShippedFingerprint();
        using var model = typeof(ShippedIntentModel).Assembly.GetManifestResourceStream(ModelResource);
        if (shipped is null || model is null)
        {
            staleReason = $"no trained intent model is embedded (Data/{ModelFileName}, Data/{FingerprintFileName})";
            return null;
        }

        var expected = EmbeddedTrainingFingerprint();
        if (!string.Equals(shipped, expected, StringComparison.Ordinal))
        {
            staleReason = $"the embedded intent model was trained on other data (fingerprint {shipped}, Data/train.tsv is {expected})";
            return null;
        }

        staleReason = null;
        return IntentClassifier.Load(model);
    }

    private static byte[]? ReadResource(string name)
    {
        using var stream = typeof(ShippedIntentModel).Assembly.GetManifestResourceStream(name);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
