using HelpBot.Language.Intents;
using HelpBot.Language.Tests.Support;

namespace HelpBot.Language.Tests;

/// <summary>The intent model trained at build time (tools/HelpBot.NluTrain) and embedded instead of training at start-up.</summary>
public class ShippedIntentModelTests
{
    private const string Stale = "STALE INTENT MODEL: run " + ShippedIntentModel.RetrainCommand;

    [Fact]
    public void The_shipped_intent_model_matches_the_training_data()
    {
        var shipped = ShippedIntentModel.ShippedFingerprint();
        var onDisk = ShippedIntentModel.Fingerprint(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", "train.tsv")));

        Assert.True(shipped is not null, $"{Stale} (no Data/{ShippedIntentModel.FingerprintFileName} is embedded)");
        Assert.True(shipped == onDisk, $"{Stale} (model trained on {shipped}, Data/train.tsv is {onDisk})");
        Assert.True(shipped == ShippedIntentModel.EmbeddedTrainingFingerprint(), $"{Stale} (embedded train.tsv differs)");
        Assert.True(SharedRecognizer.Instance.UsesShippedIntentModel, $"{Stale} (the recognizer trained instead of loading it)");
    }

    [Fact]
    public void The_shipped_model_ranks_the_held_out_set_exactly_like_a_fresh_training()
    {
        var fresh = new HelpBotRecognizer(IntentDataset.LoadEmbeddedTraining(), new FixedTimeProvider(SharedRecognizer.Now));
        Assert.False(fresh.UsesShippedIntentModel);

        var differences = DataFiles.HeldOutIntents()
            .Where(u => !SharedRecognizer.Instance.ScoreIntents(u.Text).SequenceEqual(fresh.ScoreIntents(u.Text)))
            .Select(u => u.Text)
            .ToList();
        Assert.True(differences.Count == 0, $"{Stale}; ranked differently:\n{string.Join("\n", differences)}");
    }

    [Fact]
    public void The_fingerprint_covers_the_data_and_ignores_line_endings()
    {
        var lf = "refund\ten-US\tmoney back pls\n"u8.ToArray();
        var crlf = "refund\ten-US\tmoney back pls\r\n"u8.ToArray();
        var edited = "refund\ten-US\tmoney back plz\n"u8.ToArray();

        Assert.Equal(ShippedIntentModel.Fingerprint(lf), ShippedIntentModel.Fingerprint(crlf));
        Assert.NotEqual(ShippedIntentModel.Fingerprint(lf), ShippedIntentModel.Fingerprint(edited));
        Assert.Matches("^[0-9a-f]{64}$", ShippedIntentModel.Fingerprint(lf));
    }
}
