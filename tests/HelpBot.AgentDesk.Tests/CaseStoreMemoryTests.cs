using HelpBot.AgentDesk.Cases;
using HelpBot.AgentDesk.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace HelpBot.AgentDesk.Tests;

/// <summary>The same ETag discipline on Bot Framework's MemoryStorage (the default run).</summary>
public sealed class CaseStoreMemoryTests
{
    [Fact]
    public async Task Concurrent_opens_and_claims_lose_nothing_on_memory_storage()
    {
        var store = new CaseStore(new MemoryStorage(), TimeProvider.System);
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => store.OpenAsync(new EscalationCase
        {
            Id = $"HB-m-{i:D2}",
            CreatedAt = DateTimeOffset.UnixEpoch.AddMinutes(i),
            ProblemType = "payment_failed",
            Conversation = new ConversationReference { ChannelId = "test", Conversation = new ConversationAccount(id: $"m{i}") },
        }, CancellationToken.None))));
        Assert.Equal(10, (await store.OpenCasesAsync(CancellationToken.None)).Count);

        // Two agents claim the same case at once: exactly one wins.
        var claims = await Task.WhenAll(new[] { "A", "B" }.Select(agent => Task.Run(() => store.UpdateAsync("HB-m-00", c =>
        {
            if (c.Status != CaseStatus.Waiting)
            {
                return false;
            }

            c.Status = CaseStatus.Claimed;
            c.ClaimedBy = agent;
            return true;
        }, CancellationToken.None))));
        Assert.Single(claims, c => c.Changed);
        Assert.Equal(claims.Single(c => c.Changed).Case!.ClaimedBy, (await store.GetAsync("HB-m-00", CancellationToken.None))!.ClaimedBy);
        Assert.Equal(1, await store.PositionAsync("HB-m-01", CancellationToken.None));
    }

    [Fact]
    public async Task Memory_storage_conflicts_are_recognised()
    {
        var storage = new MemoryStorage();
        await StorageItems.WriteAsync(storage, "cases/queue", new QueueIndex(), CancellationToken.None);
        var stale = new QueueIndex { ETag = "stale" };
        var conflict = await Assert.ThrowsAnyAsync<Exception>(() => StorageItems.WriteAsync(storage, "cases/queue", stale, CancellationToken.None));
        Assert.True(StorageItems.IsETagConflict(conflict), conflict.Message);
    }
}
