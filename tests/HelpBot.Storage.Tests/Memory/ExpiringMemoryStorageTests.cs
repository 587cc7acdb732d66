using HelpBot.Hosting;
using HelpBot.Storage.Tests.Items;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HelpBot.Storage.Tests.Memory;

/// <summary>
/// In-memory state (no Redis) ends: idle items expire and the total is bounded, least recently used first, so memory
/// stays flat over any number of conversations; a conversation in progress is never dropped for being old.
/// </summary>
public sealed class ExpiringMemoryStorageTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero));

    private ExpiringMemoryStorage Storage(TimeSpan? idle = null, int maxItems = 1000) =>
        new(Options.Create(new MemoryStateOptions { IdleTimeout = idle ?? TimeSpan.FromHours(1), MaxItems = maxItems }), _time);

    private static Dictionary<string, object> Item(string key, string id) => new() { [key] = new PocoStoreItem { Id = id, ETag = "*" } };

    [Fact]
    public async Task An_item_idle_for_the_timeout_is_gone()
    {
        using var storage = Storage(TimeSpan.FromHours(1));
        await storage.WriteAsync(Item("webchat/conversations/idle", "1"));

        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.Single(await storage.ReadAsync(["webchat/conversations/idle"]));

        _time.Advance(TimeSpan.FromMinutes(61));
        Assert.Empty(await storage.ReadAsync(["webchat/conversations/idle"]));
        Assert.Equal(0, storage.Count);
    }

    [Fact]
    public async Task A_conversation_in_progress_is_kept_however_long_it_runs_while_an_idle_one_goes()
    {
        using var storage = Storage(TimeSpan.FromHours(1));
        await storage.WriteAsync(Item("webchat/conversations/active", "turn-0"));
        await storage.WriteAsync(Item("webchat/conversations/idle", "1"));

        // A turn every 50 minutes for 8 hours: read the state, change it, save it with its ETag.
        for (var turn = 1; turn <= 10; turn++)
        {
            _time.Advance(TimeSpan.FromMinutes(50));
            var state = Assert.IsType<PocoStoreItem>(Assert.Single(await storage.ReadAsync(["webchat/conversations/active"])).Value);
            state.Id = $"turn-{turn}";
            await storage.WriteAsync(new Dictionary<string, object> { ["webchat/conversations/active"] = state });
        }

        var kept = await storage.ReadAsync(["webchat/conversations/active", "webchat/conversations/idle"]);
        Assert.Equal("turn-10", Assert.IsType<PocoStoreItem>(Assert.Single(kept).Value).Id);
    }

    [Fact]
    public async Task Beyond_the_bound_the_least_recently_used_go_first()
    {
        using var storage = Storage(maxItems: 3);
        await storage.WriteAsync(Item("a", "a"));
        _time.Advance(TimeSpan.FromSeconds(1));
        await storage.WriteAsync(Item("b", "b"));
        _time.Advance(TimeSpan.FromSeconds(1));
        await storage.WriteAsync(Item("c", "c"));
        _time.Advance(TimeSpan.FromSeconds(1));
        await storage.ReadAsync(["a"]); // "a" is in use again; "b" is now the least recently used

        await storage.WriteAsync(Item("d", "d"));

        var left = await storage.ReadAsync(["a", "b", "c", "d"]);
        Assert.Equal(["a", "c", "d"], left.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(3, storage.Count);
    }

    [Fact]
    public async Task Twenty_thousand_conversations_leave_at_most_the_bound_behind()
    {
        using var storage = Storage(maxItems: 500);
        for (var i = 0; i < 20_000; i++)
        {
            await storage.WriteAsync(Item($"webchat/conversations/c{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            await storage.WriteAsync(Item($"transcripts/webchat/c{i}", "t"));
        }

        Assert.Equal(500, storage.Count);
        Assert.Single(await storage.ReadAsync(["webchat/conversations/c19999"]));
        Assert.Empty(await storage.ReadAsync(["webchat/conversations/c0"]));
    }

    [Fact]
    public async Task The_hosts_memory_mode_is_bounded_and_configured_from_MemoryState()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MemoryState:MaxItems"] = "2",
            ["MemoryState:IdleTimeout"] = "00:10:00",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(_time);
        services.AddStateStorage(configuration);
        await using var provider = services.BuildServiceProvider();
        var storage = provider.GetRequiredService<IStorage>();

        await storage.WriteAsync(Item("webchat/conversations/1", "1"));
        await storage.WriteAsync(Item("webchat/conversations/2", "2"));
        await storage.WriteAsync(Item("webchat/conversations/3", "3"));
        Assert.Equal(["webchat/conversations/2", "webchat/conversations/3"], (await storage.ReadAsync(["webchat/conversations/1", "webchat/conversations/2", "webchat/conversations/3"])).Keys.Order(StringComparer.Ordinal));

        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Empty(await storage.ReadAsync(["webchat/conversations/2", "webchat/conversations/3"]));
    }
}
