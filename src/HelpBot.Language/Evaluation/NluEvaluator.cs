using HelpBot.Language.Intents;

namespace HelpBot.Language.Evaluation;

/// <summary>Scores a recognizer on a held-out intent set and an entity set (shared by the tests and HelpBot.NluEval).</summary>
public static class NluEvaluator
{
    public static IntentReport EvaluateIntents(IHelpBotRecognizer recognizer, IEnumerable<LabeledUtterance> testSet)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        ArgumentNullException.ThrowIfNull(testSet);
        var outcomes = testSet
            .Select(u => new IntentOutcome(u, recognizer.Recognize(u.Text, null).Intent))
            .ToList();
        return new IntentReport(outcomes);
    }

    public static EntityReport EvaluateEntities(IHelpBotRecognizer recognizer, IEnumerable<EntityTestCase> cases)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        ArgumentNullException.ThrowIfNull(cases);
        var outcomes = cases.Select(c =>
        {
            var got = recognizer.Recognize(c.Text, null).Entities.Select(e => (e.Type, e.Value)).ToList();
            var match = got.Count == c.Expected.Count && !got.Except(c.Expected).Any() && !c.Expected.Except(got).Any();
            return new EntityOutcome(c, got, match);
        }).ToList();
        return new EntityReport(outcomes);
    }
}

public sealed record IntentOutcome(LabeledUtterance Utterance, string Predicted)
{
    public bool Correct => Utterance.Intent == Predicted;
}

public sealed record IntentReport(IReadOnlyList<IntentOutcome> Outcomes)
{
    public double Accuracy => Rate(Outcomes);

    public double AccuracyFor(string locale) => Rate(Outcomes.Where(o => o.Utterance.Locale == locale));

    public IReadOnlyDictionary<string, (int Correct, int Total)> PerIntent =>
        Outcomes.GroupBy(o => o.Utterance.Intent)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.Count(o => o.Correct), g.Count()));

    public IEnumerable<IntentOutcome> Errors => Outcomes.Where(o => !o.Correct);

    private static double Rate(IEnumerable<IntentOutcome> outcomes)
    {
        var list = outcomes.ToList();
        return list.Count == 0 ? 0 : (double)list.Count(o => o.Correct) / list.Count;
    }
}

public sealed record EntityOutcome(EntityTestCase Case, IReadOnlyList<(string Type, string Value)> Got, bool ExactMatch);

public sealed record EntityReport(IReadOnlyList<EntityOutcome> Outcomes)
{
    public double ExactMatchRate => Outcomes.Count == 0 ? 0 : (double)Outcomes.Count(o => o.ExactMatch) / Outcomes.Count;

    public IEnumerable<EntityOutcome> Misses => Outcomes.Where(o => !o.ExactMatch);
}
