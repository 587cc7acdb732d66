using HelpBot.AgentDesk;
using HelpBot.AgentDesk.Transcripts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HelpBot.AgentDesk.Tests;

public class TranscriptRecordingTests
{
    [Fact]
    public async Task A_turns_activities_are_in_the_transcript_when_the_turn_ends()
    {
        var store = new StorageTranscriptStore(new MemoryStorage(), Options.Create(new AgentDeskOptions()));
        var adapter = new TestAdapter(TestAdapter.CreateConversation("t1"));
        adapter.Use(new PerTurnTranscriptMiddleware(store, TimeProvider.System, NullLogger<PerTurnTranscriptMiddleware>.Instance));

        await new TestFlow(adapter, async (context, ct) =>
            {
                await context.SendActivityAsync(new Activity(ActivityTypes.Typing), ct);
                await context.SendActivityAsync("first reply", cancellationToken: ct);
                await context.SendActivityAsync("second reply", cancellationToken: ct);
            })
            .Send("hello").AssertReply(a => Assert.Equal(ActivityTypes.Typing, a.Type)).AssertReply("first reply").AssertReply("second reply")
            .StartTestAsync();

        // Read straight after the turn: nothing may still be on its way.
        var transcript = await store.ReadAsync("test", "t1", CancellationToken.None);
        Assert.Equal(["hello", "first reply", "second reply"], transcript.Select(a => (string?)a["text"]));
        Assert.All(transcript, a => Assert.NotNull(a["timestamp"]));
    }

    [Fact]
    public async Task Later_changes_to_an_activity_do_not_reach_its_transcript()
    {
        var store = new StorageTranscriptStore(new MemoryStorage(), Options.Create(new AgentDeskOptions()));
        var adapter = new TestAdapter(TestAdapter.CreateConversation("t2"));
        adapter.Use(new PerTurnTranscriptMiddleware(store, TimeProvider.System, NullLogger<PerTurnTranscriptMiddleware>.Instance));

        await new TestFlow(adapter, (context, ct) =>
            {
                context.Activity.Text = "changed by a later middleware";
                return Task.CompletedTask;
            })
            .Send("as typed").StartTestAsync();

        var transcript = await store.ReadAsync("test", "t2", CancellationToken.None);
        Assert.Equal("as typed", (string?)Assert.Single(transcript)["text"]);
    }
}
