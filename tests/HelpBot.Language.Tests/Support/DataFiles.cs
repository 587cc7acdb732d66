using HelpBot.Language.Evaluation;
using HelpBot.Language.Intents;

namespace HelpBot.Language.Tests.Support;

public static class DataFiles
{
    private static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    public static IReadOnlyList<LabeledUtterance> HeldOutIntents()
    {
        using var reader = File.OpenText(PathOf("test.tsv"));
        return IntentDataset.Read(reader);
    }

    public static IReadOnlyList<LabeledUtterance> TrainingIntents()
    {
        using var reader = File.OpenText(PathOf("train.tsv"));
        return IntentDataset.Read(reader);
    }

    public static IReadOnlyList<EntityTestCase> EntityCases()
    {
        using var reader = File.OpenText(PathOf("entities.tsv"));
        return EntityTestCase.Read(reader);
    }
}
