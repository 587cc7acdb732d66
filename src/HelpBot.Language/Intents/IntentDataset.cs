using HelpBot.Language.Model;

namespace HelpBot.Language.Intents;

/// <summary>Reads intent data files (UTF-8 TSV: intent, locale, text; blank lines and lines starting with # ignored).</summary>
public static class IntentDataset
{
    private const string TrainingResource = "HelpBot.Language.Data.train.tsv";

    /// <summary>The training set embedded in this assembly (Data/train.tsv).</summary>
    public static IReadOnlyList<LabeledUtterance> LoadEmbeddedTraining()
    {
        using var stream = typeof(IntentDataset).Assembly.GetManifestResourceStream(TrainingResource)
            ?? throw new InvalidOperationException($"Embedded resource {TrainingResource} is missing.");
        using var reader = new StreamReader(stream);
        return Read(reader);
    }

    public static IReadOnlyList<LabeledUtterance> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var items = new List<LabeledUtterance>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 3 || !IntentLabels.All.Contains(parts[0]) || parts[2].Length == 0)
            {
                throw new FormatException($"Line {lineNumber}: expected 'intent<TAB>locale<TAB>text' with a known intent: {line}");
            }

            items.Add(new LabeledUtterance(parts[0], parts[1], parts[2]));
        }

        return items;
    }
}
