using System.Text.Json.Nodes;
using HelpBot.AgentDesk.Tests.Infrastructure;
using HelpBot.AgentDesk.Transcripts;
using Newtonsoft.Json.Linq;

namespace HelpBot.AgentDesk.Tests;

/// <summary>
/// What every <see cref="ITranscriptStore"/> does, run against each store (see the derived classes): turns come back
/// whole and in order, faithful to the activities recorded, bounded, exported as a .transcript file, and two
/// writers on one conversation lose nothing.
/// </summary>
public abstract class TranscriptStoreContractTests
{
    /// <summary>A store; stores created with the same <paramref name="shared"/> value see the same data (two instances).</summary>
    protected abstract ITranscriptStore CreateStore(AgentDeskOptions options, object? shared = null);

    /// <summary>A value for <see cref="CreateStore"/> that makes stores share their data.</summary>
    protected abstract object NewSharedBackend();

    private static string NewConversation() => "a:" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Turns_come_back_in_order_and_as_recorded()
    {
        var store = CreateStore(new AgentDeskOptions());
        var conversation = NewConversation();
        var turns = Enumerable.Range(0, 3).Select(i => TranscriptSamples.Turn(conversation, i)).ToList();
        foreach (var turn in turns)
        {
            await store.AppendAsync(TranscriptSamples.Channel, conversation, turn, CancellationToken.None);
        }

        var read = await store.ReadAsync(TranscriptSamples.Channel, conversation, CancellationToken.None);

        Assert.Equal(turns.SelectMany(t => t).Select(TranscriptSamples.Comparable), read.Select(TranscriptSamples.Comparable));
    }

    [Fact]
    public async Task A_conversation_in_another_language_and_a_plain_web_chat_turn_come_back_as_recorded()
    {
        var store = CreateStore(new AgentDeskOptions());
        var conversation = NewConversation();
        var webChat = new JObject
        {
            ["type"] = "message",
            ["id"] = conversation + "-0",
            ["timestamp"] = "2026-11-24T10:05:00.0000001+00:00",
            ["serviceUrl"] = "http://localhost:1",
            ["channelId"] = TranscriptSamples.Channel,
            ["from"] = new JObject { ["id"] = "demo-user" },
            ["conversation"] = new JObject { ["id"] = conversation },
            ["recipient"] = new JObject { ["id"] = "bot" },
            ["text"] = "2026-11-24",
            ["deliveryMode"] = "expectReplies",
        };
        var turns = new[] { TranscriptSamples.Turn(conversation, 0), TranscriptSamples.Turn(conversation, 1, "en-US"), [webChat], TranscriptSamples.Turn(conversation, 40) };
        foreach (var turn in turns)
        {
            await store.AppendAsync(TranscriptSamples.Channel, conversation, turn, CancellationToken.None);
        }

        var read = await store.ReadAsync(TranscriptSamples.Channel, conversation, CancellationToken.None);

        Assert.Equal(turns.SelectMany(t => t).Select(TranscriptSamples.Comparable), read.Select(TranscriptSamples.Comparable));
        Assert.Equal("2026-11-24", (string?)read.Single(a => (string?)a["id"] == conversation + "-0")["text"]);
    }

    [Fact]
    public async Task Turns_recorded_activity_by_activity_come_back_as_recorded()
    {
        var store = CreateStore(new AgentDeskOptions());
        var conversation = NewConversation();
        var now = new DateTimeOffset(2026, 11, 24, 11, 0, 0, TimeSpan.Zero);
        var expected = new List<JObject>();
        foreach (var (index, locale) in new[] { (0, "zh-CN"), (1, "en-US"), (2, "zh-CN") })
        {
            var turn = store.BeginTurn(TranscriptSamples.Channel, conversation);
            foreach (var activity in TranscriptSamples.TurnActivities(conversation, index, locale))
            {
                var id = activity.From?.Role == Microsoft.Bot.Schema.RoleTypes.Bot ? $"sent-{index}-{expected.Count}" : null;
                expected.Add(TranscriptActivities.Snapshot(activity, id, now));
                turn.Record(activity, id, now);

                // Recorded as it was: a later change does not reach the transcript.
                if (activity is Microsoft.Bot.Schema.Activity changed)
                {
                    changed.Text = "changed after it was recorded";
                }
            }

            Assert.Equal(4, turn.Count);
            await turn.CommitAsync(CancellationToken.None);
            turn.Record(new Microsoft.Bot.Schema.Activity(Microsoft.Bot.Schema.ActivityTypes.Message) { Text = "after the commit" }, null, now);
        }

        await store.BeginTurn(TranscriptSamples.Channel, conversation).CommitAsync(CancellationToken.None);
        var read = await store.ReadAsync(TranscriptSamples.Channel, conversation, CancellationToken.None);

        Assert.Equal(expected.Select(TranscriptSamples.Comparable), read.Select(TranscriptSamples.Comparable));
    }

    [Fact]
    public async Task Only_the_newest_turns_are_kept()
    {
        // Four activities per turn: both bounds keep the newest two turns.
        var store = CreateStore(new AgentDeskOptions { MaxTranscriptTurns = 2, MaxTranscriptActivities = 8 });
        var conversation = NewConversation();
        for (var i = 0; i < 5; i++)
        {
            await store.AppendAsync(TranscriptSamples.Channel, conversation, TranscriptSamples.Turn(conversation, i), CancellationToken.None);
        }

        var read = await store.ReadAsync(TranscriptSamples.Channel, conversation, CancellationToken.None);

        Assert.Equal(
            new[] { TranscriptSamples.Turn(conversation, 3), TranscriptSamples.Turn(conversation, 4) }.SelectMany(t => t).Select(TranscriptSamples.Comparable),
            read.Select(TranscriptSamples.Comparable));
    }

    [Fact]
    public async Task The_export_is_a_json_array_of_activities()
    {
        var store = CreateStore(new AgentDeskOptions());
        var conversation = NewConversation();
        await store.AppendAsync(TranscriptSamples.Channel, conversation, TranscriptSamples.Turn(conversation, 0), CancellationToken.None);

        var exported = JsonNode.Parse(await store.ExportAsync(TranscriptSamples.Channel, conversation, CancellationToken.None))!.AsArray();

        Assert.Equal(4, exported.Count);
        Assert.All(exported, a =>
        {
            Assert.False(string.IsNullOrEmpty((string?)a!["type"]));
            Assert.Equal(conversation, (string?)a["conversation"]!["id"]);
            Assert.Equal(TranscriptSamples.Channel, (string?)a["channelId"]);
            Assert.NotNull(a["timestamp"]);
            Assert.NotNull(a["from"]!["id"]);
            Assert.NotNull(a["recipient"]!["id"]);
        });
        Assert.Equal("image/png", (string?)exported[0]!["attachments"]![0]!["contentType"]);
        Assert.Equal("application/vnd.microsoft.card.hero", (string?)exported[2]!["attachments"]![0]!["contentType"]);
        Assert.Equal(4, exported[1]!["suggestedActions"]!["actions"]!.AsArray().Count);
        Assert.Equal((string?)exported[0]!["id"], (string?)exported[1]!["replyToId"]);
    }

    [Fact]
    public async Task An_unknown_conversation_or_an_empty_turn_has_no_activities()
    {
        var store = CreateStore(new AgentDeskOptions());
        var conversation = NewConversation();
        await store.AppendAsync(TranscriptSamples.Channel, conversation, [], CancellationToken.None);

        Assert.Empty(await store.ReadAsync(TranscriptSamples.Channel, conversation, CancellationToken.None));
        Assert.Empty(await store.ReadAsync(TranscriptSamples.Channel, NewConversation(), CancellationToken.None));
        Assert.Empty(JsonNode.Parse(await store.ExportAsync(TranscriptSamples.Channel, NewConversation(), CancellationToken.None))!.AsArray());
    }

    [Fact]
    public async Task Two_writers_on_one_conversation_keep_every_turn()
    {
        var backend = NewSharedBackend();
        var writers = new[] { CreateStore(new AgentDeskOptions(), backend), CreateStore(new AgentDeskOptions(), backend) };
        var conversation = NewConversation();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            writers[i % 2].AppendAsync(TranscriptSamples.Channel, conversation, TranscriptSamples.Turn(conversation, i), CancellationToken.None))));

        var read = await writers[0].ReadAsync(TranscriptSamples.Channel, conversation, CancellationToken.None);
        Assert.Equal(80, read.Count);
        Assert.Equal(
            Enumerable.Range(0, 20).SelectMany(i => TranscriptSamples.Turn(conversation, i)).Select(TranscriptSamples.Comparable).Order(StringComparer.Ordinal),
            read.Select(TranscriptSamples.Comparable).Order(StringComparer.Ordinal));
    }
}
