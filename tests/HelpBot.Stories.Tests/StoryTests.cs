using Xunit.Abstractions;

namespace HelpBot.Stories.Tests;

/// <summary>
/// One test per story (tests/stories/*.yaml): k runs, each with other variants of what the customer types; the story
/// passes when every run does. A story marked known_defect is expected to fail, and fails the suite once it passes, so
/// that the mark is removed with the fix.
/// </summary>
public sealed class StoryTests(StoryReport report, ITestOutputHelper output) : IClassFixture<StoryReport>
{
    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var story in StoryCatalog.Stories)
        {
            data.Add(story.FullId);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(All))]
    public async Task Story(string id)
    {
        _ = report; // the class fixture is there to write the pass^k report when the last story has run
        var story = StoryCatalog.Find(id);
        var runs = await Task.WhenAll(Enumerable.Range(0, StorySettings.Runs)
            .Select(run => new StoryRun(story, run, StorySettings.Seed).PlayAsync(CancellationToken.None)));
        var passed = runs.Count(r => r.Passed);
        StoryReport.Record(story, runs.Length, passed);

        foreach (var run in runs.Where(r => StorySettings.Trace || !r.Passed))
        {
            output.WriteLine(run.Transcript);
        }

        if (story.KnownDefect is { } defect)
        {
            Assert.False(
                passed == runs.Length,
                $"{id} is marked known_defect (\"{defect}\") but all {runs.Length} runs passed: remove the mark.");
            output.WriteLine($"Known defect, failing as expected ({passed}/{runs.Length} runs passed): {defect}");
            return;
        }

        Assert.True(passed == runs.Length, $"{id}: {runs.Length - passed} of {runs.Length} runs failed.\n\n" + string.Join("\n", runs.Where(r => !r.Passed).Select(r => r.Transcript)));
    }
}
