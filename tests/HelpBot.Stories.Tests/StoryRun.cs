using System.Globalization;
using System.Text;
using HelpBot.Dialogs.Localization;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace HelpBot.Stories.Tests;

/// <summary>The result of one run of a story: which variants it chose, the transcript, and every failed expectation.</summary>
public sealed record StoryRunResult(int Run, IReadOnlyList<string> Failures, string Transcript)
{
    public bool Passed => Failures.Count == 0;
}

/// <summary>
/// Plays one story once: each turn sends the variant chosen for this run, records the wording keys the bot used (through
/// <see cref="WordingTrace"/>) and its replies, and judges them; at the end it judges the world (orders, tickets,
/// merchant messages, cases).
/// </summary>
public sealed partial class StoryRun
{
    private const string ScreenshotDataUrl =
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    private const string PdfDataUrl = "data:application/pdf;base64,JVBERi0xLjQKJcOkw7zDtsOfCjIgMCBvYmoKPDwvTGVuZ3RoIDMgMCBSPj4Kc3RyZWFtCg==";

    private readonly Story _story;
    private readonly int _run;
    private readonly int _seed;
    private readonly List<string> _failures = [];
    private readonly StringBuilder _transcript = new();
    private IReadOnlyList<IMessageActivity> _lastReplies = [];
    private IReadOnlyList<WordingUse> _lastUses = [];

    public StoryRun(Story story, int run, int seed)
    {
        _story = story;
        _run = run;
        _seed = seed;
    }

    /// <summary>Which variant of <paramref name="variants"/> a run takes: a seeded start per turn, then one step per run.</summary>
    public static int VariantIndex(string storyId, int turn, int run, int seed, int variants)
    {
        var offset = (int)(Fnv1a($"{seed}/{storyId}/{turn}") % (uint)variants);
        return (offset + run) % variants;
    }

    public async Task<StoryRunResult> PlayAsync(CancellationToken cancellationToken)
    {
        _transcript.AppendLine(CultureInfo.InvariantCulture, $"--- {_story.FullId} run {_run + 1} ({_story.Who.Channel}, {_story.Who.Locale}, user {_story.Who.User})");
        try
        {
            await using var host = await StoryHost.StartAsync(_story.World, cancellationToken);
            var adapter = NewAdapter();
            if (_story.Who.Joins)
            {
                var join = new Activity(ActivityTypes.ConversationUpdate)
                {
                    MembersAdded = [new ChannelAccount(_story.Who.User, "Customer"), new ChannelAccount("helpbot", "HelpBot")],
                    Locale = _story.Who.Locale,
                };
                await SendAsync(host, adapter, join, "(joins)", null, cancellationToken);
            }

            for (var i = 0; i < _story.Turns.Count; i++)
            {
                await PlayTurnAsync(host, adapter, i, _story.Turns[i], cancellationToken);
            }

            await new OutcomeCheck(host, _story, _failures).RunAsync(cancellationToken);
        }
        catch (StoryStopped)
        {
            // The reason is already among the failures.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _failures.Add($"The run threw {ex.GetType().Name}: {ex.Message}");
            _transcript.AppendLine(ex.ToString());
        }

        foreach (var failure in _failures)
        {
            _transcript.AppendLine("FAIL " + failure);
        }

        return new StoryRunResult(_run, [.. _failures], _transcript.ToString());
    }

    private TestAdapter NewAdapter()
    {
        var reference = new ConversationReference
        {
            ChannelId = _story.Who.Channel,
            // Never contacted (TestAdapter keeps replies in memory); loopback all the same.
            ServiceUrl = "http://127.0.0.1:9/",
            User = new ChannelAccount(_story.Who.User, "Customer"),
            Bot = new ChannelAccount("helpbot", "HelpBot"),
            Conversation = new ConversationAccount(id: $"story-{Guid.NewGuid():N}"),
            Locale = _story.Who.Locale,
        };
        return new TestAdapter(reference) { Locale = _story.Who.Locale };
    }

    private async Task PlayTurnAsync(StoryHost host, TestAdapter adapter, int index, StoryTurn turn, CancellationToken cancellationToken)
    {
        var label = $"turn {index + 1}";
        string? text = null;
        if (turn.Say.Count > 0)
        {
            text = turn.Say[VariantIndex(_story.FullId, index, _run, _seed, turn.Say.Count)];
            text = text.Replace("{sms_code}", LatestSmsCode(host), StringComparison.Ordinal);
        }
        else if (turn.Tap is { } key)
        {
            text = TappedValue(label, key, action => Wording.KeysOfTitle(_story.Language, action.Title ?? string.Empty).Contains(key), $"the button {key}");
        }
        else if (turn.TapIfAsked is { } asked)
        {
            bool Offers(CardAction action) => Wording.KeysOfTitle(_story.Language, action.Title ?? string.Empty).Contains(asked);
            if (!_lastReplies.SelectMany(Buttons).Any(Offers))
            {
                _transcript.AppendLine(CultureInfo.InvariantCulture, $"customer: (would tap {asked}, not asked: the bot already knew)");
                if (turn.Expect is { } already)
                {
                    Judge(label, already, _lastReplies, _lastUses);
                }

                return;
            }

            text = TappedValue(label, asked, Offers, $"the button {asked}");
        }
        else if (turn.TapOrder is { } number)
        {
            text = TappedValue(label, number, action => string.Equals(action.Value as string, number, StringComparison.Ordinal), $"the order button {number}");
        }

        else if (turn.TapNth is { } nth)
        {
            var offered = _lastReplies.SelectMany(Buttons).ToList();
            text = TappedValue(label, $"button {nth}", action => offered.IndexOf(action) == nth - 1, $"button number {nth}");
        }

        var message = new Activity(ActivityTypes.Message)
        {
            Text = text,
            Locale = _story.Who.Locale,
            ChannelData = ChannelData(),
        };
        if (turn.Attach is { } attach)
        {
            message.Attachments =
            [
                attach == "pdf"
                    ? new Attachment("application/pdf", PdfDataUrl, name: "receipt.pdf")
                    : new Attachment("image/png", ScreenshotDataUrl, name: "screenshot.png"),
            ];
        }

        var shown = (text ?? string.Empty) + (turn.Attach is null ? string.Empty : $" [{turn.Attach}]");
        await SendAsync(host, adapter, message, shown, turn.Expect, cancellationToken, label);
        if (turn.Twice)
        {
            var again = new Activity(ActivityTypes.Message) { Text = text, Locale = _story.Who.Locale, ChannelData = ChannelData() };
            await SendAsync(host, adapter, again, shown + " (again)", turn.ThenExpect, cancellationToken, label + " (sent again)");
        }
        else if (turn.ThenExpect is not null)
        {
            _failures.Add($"{label}: then_expect needs twice: true.");
        }
    }

    private string TappedValue(string label, string what, Func<CardAction, bool> matches, string description)
    {
        var action = _lastReplies.SelectMany(Buttons).FirstOrDefault(matches);
        if (action is null)
        {
            _failures.Add($"{label}: the customer wants to tap {description}, but the last reply offered: {string.Join(" | ", _lastReplies.SelectMany(Buttons).Select(a => a.Title))}");
            _transcript.AppendLine(CultureInfo.InvariantCulture, $"customer: (taps {what}: not offered; the story stops here)");
            throw new StoryStopped();
        }

        return action.Value as string ?? action.Title;
    }

    private JObject? ChannelData() =>
        _story.Who.Client is { } client
            ? new JObject
            {
                ["clientInfo"] = new JObject
                {
                    ["appVersion"] = client.AppVersion,
                    ["platform"] = client.Platform,
                    ["networkType"] = client.NetworkType,
                },
            }
            : null;

    private async Task SendAsync(
        StoryHost host, TestAdapter adapter, Activity activity, string shown, TurnExpectation? expect, CancellationToken cancellationToken, string label = "join")
    {
        _transcript.AppendLine("customer: " + shown);
        IReadOnlyList<WordingUse> uses;
        using (var trace = WordingTrace.Start())
        {
            await adapter.ProcessActivityAsync(activity, host.Bot.OnTurnAsync, cancellationToken);
            uses = trace.Uses;
        }

        var replies = new List<IMessageActivity>();
        while (adapter.ActiveQueue.Count > 0)
        {
            if (adapter.GetNextReply() is IMessageActivity { Type: ActivityTypes.Message } reply)
            {
                replies.Add(reply);
            }
        }

        foreach (var reply in replies)
        {
            var buttons = Buttons(reply).Select(b => b.Title).ToList();
            _transcript.AppendLine("bot: " + (reply.Text ?? string.Empty).Replace("\n", "\n     ", StringComparison.Ordinal)
                + (buttons.Count > 0 ? $"\n     [{string.Join("] [", buttons)}]" : string.Empty));
        }

        // The code reads some wording it does not send this turn (a prompt's retry text, kept for later): only wording
        // that shows in a reply counts as said. A prompt asked again sends what it kept, reading no wording: its text
        // is recognised in the reply instead.
        uses = Said(uses, replies);
        uses = [.. uses, .. Recognised(replies, _story.Language).Where(key => !uses.Any(u => u.Key == key)).Select(key => new WordingUse(key, _story.Language == "en" ? "en-US" : "zh-CN"))];
        _transcript.AppendLine("     keys: " + string.Join(", ", uses.Select(u => u.Key).Distinct()));
        if (replies.Count > 0)
        {
            _lastReplies = replies;
            _lastUses = uses;
        }

        if (expect is not null)
        {
            Judge(label, expect, replies, uses);
        }
        else
        {
            JudgeLanguage(label, null, uses);
        }
    }

    private void Judge(string label, TurnExpectation expect, IReadOnlyList<IMessageActivity> replies, IReadOnlyList<WordingUse> uses)
    {
        var keys = uses.Select(u => u.Key).ToHashSet(StringComparer.Ordinal);
        var language = expect.Language ?? _story.Language;
        var offered = replies.SelectMany(Buttons).ToList();
        var offeredKeys = offered.SelectMany(b => Wording.KeysOfTitle(language, b.Title ?? string.Empty)).ToHashSet(StringComparer.Ordinal);
        var text = string.Join("\n", replies.Select(r => r.Text).Concat(offered.Select(b => b.Title)));

        if (expect.Silent && replies.Count > 0)
        {
            _failures.Add($"{label}: expected no reply, got {replies.Count} ({string.Join(", ", keys)}).");
        }

        if (!expect.Silent && replies.Count == 0)
        {
            _failures.Add($"{label}: expected a reply, got none.");
        }

        foreach (var key in expect.Says.Where(k => !keys.Contains(k)))
        {
            _failures.Add($"{label}: expected the bot to say {key}; it said {Describe(keys)}.");
        }

        if (expect.SaysAny.Count > 0 && !expect.SaysAny.Any(keys.Contains))
        {
            _failures.Add($"{label}: expected one of {string.Join(", ", expect.SaysAny)}; it said {Describe(keys)}.");
        }

        foreach (var key in expect.Never.Where(keys.Contains))
        {
            _failures.Add($"{label}: the bot must not say {key} here.");
        }

        foreach (var key in expect.Buttons.Where(k => !offeredKeys.Contains(k)))
        {
            _failures.Add($"{label}: expected a button {key}; the buttons were: {string.Join(" | ", offered.Select(b => b.Title))}.");
        }

        foreach (var key in expect.NoButtons.Where(offeredKeys.Contains))
        {
            _failures.Add($"{label}: the bot must not offer the button {key} here.");
        }

        foreach (var number in expect.OrderButtons.Where(n => !offered.Any(b => string.Equals(b.Value as string, n, StringComparison.Ordinal))))
        {
            _failures.Add($"{label}: expected an order button for {number}.");
        }

        foreach (var name in expect.Names.Where(n => !text.Contains(n, StringComparison.Ordinal)))
        {
            _failures.Add($"{label}: expected the replies to name \"{name}\".");
        }

        foreach (var name in expect.NotNames.Where(n => text.Contains(n, StringComparison.Ordinal)))
        {
            _failures.Add($"{label}: the replies must not name \"{name}\".");
        }

        JudgeLanguage(label, language, uses);
    }

    private void JudgeLanguage(string label, string? expected, IReadOnlyList<WordingUse> uses)
    {
        expected ??= _story.Language;
        var other = uses.Select(u => Wording.LanguageOfCulture(u.Culture)).Where(l => l != expected).Distinct().ToList();
        if (other.Count > 0)
        {
            _failures.Add($"{label}: expected replies in {expected}, but wording in {string.Join(", ", other)} was used.");
        }
    }

    private static List<WordingUse> Said(IReadOnlyList<WordingUse> uses, IReadOnlyList<IMessageActivity> replies)
    {
        var titles = replies.SelectMany(Buttons).Select(b => b.Title?.Trim()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var text = string.Join("\n", replies.Select(r => r.Text));
        return [.. uses.Where(use =>
        {
            var wording = Wording.Text(Wording.LanguageOfCulture(use.Culture), use.Key);
            if (titles.Contains(wording.Trim()))
            {
                return true;
            }

            var pieces = Placeholder().Split(wording).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
            return pieces.Count == 0 || pieces.All(p => text.Contains(p, StringComparison.Ordinal));
        })];
    }

    /// <summary>Wording whose literal text (at least <see cref="MinRecognisedLength"/> characters of it) is all in a reply.</summary>
    private static IEnumerable<string> Recognised(IReadOnlyList<IMessageActivity> replies, string language)
    {
        var text = string.Join("\n", replies.Select(r => r.Text));
        if (text.Length == 0)
        {
            yield break;
        }

        foreach (var key in Wording.Keys)
        {
            var pieces = Placeholder().Split(Wording.Text(language, key)).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
            if (pieces.Sum(p => p.Length) >= MinRecognisedLength && pieces.All(p => text.Contains(p, StringComparison.Ordinal)))
            {
                yield return key;
            }
        }
    }

    private const int MinRecognisedLength = 8;

    [System.Text.RegularExpressions.GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}")]
    private static partial System.Text.RegularExpressions.Regex Placeholder();

    private static string Describe(IReadOnlySet<string> keys) => keys.Count == 0 ? "nothing" : string.Join(", ", keys);

    private static IEnumerable<CardAction> Buttons(IMessageActivity reply)
    {
        foreach (var action in reply.SuggestedActions?.Actions ?? [])
        {
            yield return action;
        }

        foreach (var attachment in reply.Attachments ?? [])
        {
            var card = attachment.Content as HeroCard ?? (attachment.Content as JObject)?.ToObject<HeroCard>();
            foreach (var button in card?.Buttons ?? [])
            {
                yield return button;
            }
        }
    }

    private static string LatestSmsCode(StoryHost host) =>
        host.Sandbox.State.Accounts.Outbox().LastOrDefault()?.Code ?? "000000";

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}

/// <summary>Ends a run early (a button to tap was not offered); the failure is already recorded.</summary>
public sealed class StoryStopped : Exception
{
    public StoryStopped()
        : base("The story could not go on.")
    {
    }
}
