namespace HelpBot.Language.Evaluation;

/// <summary>One line of an entity test file: text \t "type=value; type=value" (empty when nothing should be found).</summary>
public sealed record EntityTestCase(string Text, IReadOnlyList<(string Type, string Value)> Expected)
{
    public static IReadOnlyList<EntityTestCase> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var cases = new List<EntityTestCase>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            var expected = parts.Length < 2
                ? []
                : parts[1].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(pair => pair.Split('=', 2))
                    .Select(kv => kv.Length == 2 ? (kv[0].Trim(), kv[1].Trim()) : throw new FormatException($"Bad entity '{kv[0]}' in: {line}"))
                    .ToList();
            cases.Add(new EntityTestCase(parts[0], expected));
        }

        return cases;
    }
}
