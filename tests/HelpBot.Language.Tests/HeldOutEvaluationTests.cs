using HelpBot.Language.Evaluation;
using HelpBot.Language.Model;
using HelpBot.Language.Tests.Support;
using HelpBot.Language.Text;

namespace HelpBot.Language.Tests;

public class HeldOutEvaluationTests
{
    [Theory]
    [InlineData(SupportedLocales.Chinese)]
    [InlineData(SupportedLocales.English)]
    public void Intent_accuracy_on_the_held_out_set_is_at_least_92_percent_per_language(string locale)
    {
        var report = NluEvaluator.EvaluateIntents(SharedRecognizer.Instance, DataFiles.HeldOutIntents());

        var accuracy = report.AccuracyFor(locale);
        var errors = string.Join("\n", report.Errors.Where(e => e.Utterance.Locale == locale)
            .Select(e => $"{e.Utterance.Intent} -> {e.Predicted}: {e.Utterance.Text}"));
        Assert.True(accuracy >= 0.92, $"{locale} accuracy {accuracy:P1}; errors:\n{errors}");
    }

    [Fact]
    public void Entity_exact_match_on_the_entity_set_is_at_least_95_percent()
    {
        var report = NluEvaluator.EvaluateEntities(SharedRecognizer.Instance, DataFiles.EntityCases());

        var misses = string.Join("\n", report.Misses.Select(m => m.Case.Text));
        Assert.True(report.ExactMatchRate >= 0.95, $"exact match {report.ExactMatchRate:P1}; misses:\n{misses}");
    }

    [Fact]
    public void Held_out_set_covers_every_intent_in_both_languages_and_shares_no_line_with_training()
    {
        var heldOut = DataFiles.HeldOutIntents();
        var training = DataFiles.TrainingIntents().Select(u => Normalize(u.Text)).ToHashSet();

        foreach (var locale in new[] { SupportedLocales.Chinese, SupportedLocales.English })
        {
            Assert.True(heldOut.Count(u => u.Locale == locale) >= 150, $"{locale} held-out set is too small");
            foreach (var intent in IntentLabels.All)
            {
                Assert.True(heldOut.Count(u => u.Locale == locale && u.Intent == intent) >= 8, $"{intent}/{locale} under-represented");
            }
        }

        Assert.Empty(heldOut.Where(u => training.Contains(Normalize(u.Text))).Select(u => u.Text));
    }

    private static string Normalize(string text) =>
        new([.. TextFolding.FoldWidth(text).ToLowerInvariant().Where(char.IsLetterOrDigit)]);
}
