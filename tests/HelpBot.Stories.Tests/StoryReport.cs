using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace HelpBot.Stories.Tests;

/// <summary>
/// pass^k over the stories that ran in this process: a story counts as passing only when all k runs passed. Written
/// when the story tests finish to artifacts/test-results/stories.txt (or <c>HELPBOT_STORY_REPORT</c>), which
/// ./test.sh prints.
/// </summary>
public sealed class StoryReport : IDisposable
{
    private static readonly ConcurrentDictionary<string, Entry> Entries = new(StringComparer.Ordinal);

    public static void Record(Story story, int runs, int passedRuns) =>
        Entries[story.FullId] = new Entry(story, runs, passedRuns);

    public static string Render(IReadOnlyCollection<Entry> entries)
    {
        var k = entries.Count == 0 ? StorySettings.Runs : entries.Max(e => e.Runs);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Conversation stories: pass^{k} (a story passes when all {k} runs, each with other variants, pass)");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"",-4}{"group",-28}{"stories",8}{"pass^" + k,10}{"rate",8}{"known",7}");
        void Row(string group, IEnumerable<Entry> rows)
        {
            var list = rows.ToList();
            var passed = list.Count(e => e.AllPassed);
            var rate = list.Count == 0 ? 0 : 100.0 * passed / list.Count;
            text.AppendLine(CultureInfo.InvariantCulture, $"{"",-4}{group,-28}{list.Count,8}{passed,10}{rate,7:0.0}%{list.Count(e => e.Story.KnownDefect is not null),7}");
        }

        foreach (var area in entries.GroupBy(e => e.Story.Area).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Row("area " + area.Key, area);
        }

        foreach (var language in entries.GroupBy(e => e.Story.Language).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Row("language " + language.Key, language);
        }

        foreach (var channel in entries.GroupBy(e => e.Story.Who.Channel).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Row("channel " + channel.Key, channel);
        }

        Row("all", entries);
        var known = entries.Where(e => e.Story.KnownDefect is not null).OrderBy(e => e.Story.FullId, StringComparer.Ordinal).ToList();
        if (known.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Known defects ({known.Count}, expected to fail until fixed):");
            foreach (var e in known)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {e.Story.FullId} [{e.PassedRuns}/{e.Runs}]: {e.Story.KnownDefect}");
            }
        }

        return text.ToString();
    }

    public void Dispose()
    {
        if (Entries.IsEmpty)
        {
            return;
        }

        var path = StorySettings.ReportPath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Render([.. Entries.Values]));
    }

    public sealed record Entry(Story Story, int Runs, int PassedRuns)
    {
        public bool AllPassed => PassedRuns == Runs;
    }
}

/// <summary>Settings from the environment, with the defaults ./test.sh and CI use.</summary>
public static class StorySettings
{
    /// <summary>k: how many runs of each story, each with other variants (HELPBOT_STORY_RUNS, default 3).</summary>
    public static int Runs => int.TryParse(Environment.GetEnvironmentVariable("HELPBOT_STORY_RUNS"), CultureInfo.InvariantCulture, out var k) && k is > 0 and <= 20 ? k : 3;

    /// <summary>The seed that picks variants (HELPBOT_STORY_SEED); fixed by default so every run of the suite is the same.</summary>
    public static int Seed => int.TryParse(Environment.GetEnvironmentVariable("HELPBOT_STORY_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : 20261203;

    /// <summary>HELPBOT_STORY_TRACE=1: every run's transcript goes to the test output, passed or not.</summary>
    public static bool Trace => Environment.GetEnvironmentVariable("HELPBOT_STORY_TRACE") is "1" or "true";

    public static string ReportPath =>
        Environment.GetEnvironmentVariable("HELPBOT_STORY_REPORT") is { Length: > 0 } path
            ? Path.GetFullPath(path)
            : Path.Combine(Path.GetDirectoryName(StoryCatalog.Folder)!, "..", "artifacts", "test-results", "stories.txt");
}
