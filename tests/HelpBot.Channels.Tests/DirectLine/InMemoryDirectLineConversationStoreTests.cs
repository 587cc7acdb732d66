using HelpBot.Channels.DirectLine.Configuration;
using HelpBot.Channels.DirectLine.Storage;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace HelpBot.Channels.Tests.DirectLine;

public sealed class InMemoryDirectLineConversationStoreTests
{
    [Fact]
    public async Task The_least_recently_active_conversation_is_evicted_beyond_the_cap()
    {
        var store = new InMemoryDirectLineConversationStore(Options.Create(new DirectLineOptions { MaxConversations = 2 }), TimeProvider.System);
        await store.GetOrCreateAsync("a", "u", CancellationToken.None);
        await store.GetOrCreateAsync("b", "u", CancellationToken.None);
        await store.AppendAsync("a", new Activity(ActivityTypes.Message), CancellationToken.None); // "a" is now the most recent

        await store.GetOrCreateAsync("c", "u", CancellationToken.None);

        Assert.NotNull(await store.FindAsync("a", CancellationToken.None));
        Assert.Null(await store.FindAsync("b", CancellationToken.None));
        Assert.NotNull(await store.FindAsync("c", CancellationToken.None));
        Assert.Null(await store.AppendAsync("b", new Activity(ActivityTypes.Message), CancellationToken.None));
    }

    [Fact]
    public async Task Only_the_newest_activities_are_kept_and_watermarks_keep_increasing()
    {
        var store = new InMemoryDirectLineConversationStore(Options.Create(new DirectLineOptions { MaxActivitiesPerConversation = 3 }), TimeProvider.System);
        await store.GetOrCreateAsync("a", "u", CancellationToken.None);
        for (var i = 1; i <= 5; i++)
            await store.AppendAsync("a", new Activity(ActivityTypes.Message) { Text = $"m{i}" }, CancellationToken.None);

        var page = await store.GetActivitiesAsync("a", 0, CancellationToken.None);

        Assert.NotNull(page);
        Assert.Equal([3L, 4L, 5L], page.Activities.Select(a => a.Sequence));
        Assert.Equal(5, page.Watermark);
        Assert.Equal("a|0000005", page.Activities[^1].Id);
    }
}
