using HelpBot.Language.Model;

namespace HelpBot.Stories.Tests;

/// <summary>The stories themselves are well formed: unique ids, real wording keys, 2-5 variants per typed turn.</summary>
public sealed class StoryFormatTests
{
    private static readonly HashSet<string> Channels = ["webchat", "directline", "msteams", "test", "emulator"];
    private static readonly HashSet<string> Components = ["app", "ordering", "payment", "delivery"];
    private static readonly HashSet<string> Attachments = ["screenshot", "pdf"];

    [Fact]
    public void Every_story_file_parses()
    {
        Assert.Empty(StoryCatalog.LoadErrors);
        Assert.NotEmpty(StoryCatalog.Stories);
    }

    [Fact]
    public void Story_ids_are_unique()
    {
        var duplicates = StoryCatalog.Stories.GroupBy(s => s.FullId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_story_is_well_formed()
    {
        var problems = StoryCatalog.Stories.SelectMany(Problems).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static IEnumerable<string> Problems(Story story)
    {
        var where = $"{story.File}: {story.FullId}";
        if (!System.Text.RegularExpressions.Regex.IsMatch(story.Id, "^[a-z0-9][a-z0-9-]*$"))
            yield return $"{where}: ids are lower-case words joined by '-'.";
        if (string.IsNullOrWhiteSpace(story.Title))
            yield return $"{where}: a title says what the customer wants.";
        if (!Channels.Contains(story.Who.Channel))
            yield return $"{where}: unknown channel {story.Who.Channel}.";
        if (story.Who.Locale is not ("zh-CN" or "en-US"))
            yield return $"{where}: locale is zh-CN or en-US.";
        if (story.Turns.Count == 0)
            yield return $"{where}: a story has turns.";
        if (story.KnownDefect is { Length: < 10 })
            yield return $"{where}: known_defect says what is wrong in a sentence.";
        foreach (var component in story.World.Incidents.Where(c => !Components.Contains(c)))
            yield return $"{where}: unknown incident component {component}.";

        for (var i = 0; i < story.Turns.Count; i++)
        {
            var turn = story.Turns[i];
            var label = $"{where} turn {i + 1}";
            var kinds = (turn.Say.Count > 0 ? 1 : 0) + (turn.Tap is null ? 0 : 1) + (turn.TapIfAsked is null ? 0 : 1) + (turn.TapOrder is null ? 0 : 1) + (turn.TapNth is null ? 0 : 1);
            if (kinds > 1 || (kinds == 0 && turn.Attach is null))
                yield return $"{label}: a turn either says (variants), taps a button (tap, tap_if_asked, tap_order, tap_nth), or attaches a picture.";
            if (turn.Say.Count is 1 or > 5)
                yield return $"{label}: say gives 2-5 variants, the ways different customers type it.";
            if (turn.Say.Distinct().Count() != turn.Say.Count)
                yield return $"{label}: the variants repeat each other.";
            if ((turn.Tap ?? turn.TapIfAsked) is { } tap && !Wording.Exists(tap))
                yield return $"{label}: tap names no wording key: {tap}.";
            if (turn.Attach is { } attach && !Attachments.Contains(attach))
                yield return $"{label}: attach is screenshot or pdf.";
            foreach (var expect in new[] { turn.Expect, turn.ThenExpect }.OfType<TurnExpectation>())
            {
                foreach (var key in expect.Says.Concat(expect.SaysAny).Concat(expect.Never).Concat(expect.Buttons).Concat(expect.NoButtons).Where(k => !Wording.Exists(k)))
                    yield return $"{label}: no wording key {key}.";
                if (expect.Language is not (null or "zh" or "en"))
                    yield return $"{label}: language is zh or en.";
            }
        }

        foreach (var c in story.Outcome?.Cases ?? [])
        {
            if (c.Problem is { } problem && !IntentLabels.All.Contains(problem))
                yield return $"{where}: case problem {problem} is not one of {string.Join(", ", IntentLabels.All)}.";
            if (c.Route is not (null or "platform" or "merchant"))
                yield return $"{where}: case route is platform or merchant.";
        }
    }
}
