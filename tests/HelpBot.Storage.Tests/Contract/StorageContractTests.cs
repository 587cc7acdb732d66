using HelpBot.Storage.Tests.Items;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;

namespace HelpBot.Storage.Tests.Contract;

/// <summary>
/// What every IStorage of HelpBot must do, written once and run against Bot Framework's MemoryStorage (the reference)
/// and RedisStorage. Semantics are MemoryStorage's (Bot Builder 4.23).
/// </summary>
public abstract class StorageContractTests
{
    // Keys are unique per test, so stores shared by several tests never see each other's data.
    private readonly string _scope = $"contract-{Guid.NewGuid():N}/";

    protected abstract IStorage Storage { get; }

    /// <summary>Checks the exception of a refused write; stores may throw a more specific type.</summary>
    protected virtual void AssertConflict(Exception exception, string key) =>
        Assert.IsAssignableFrom<ArgumentException>(exception);

    /// <summary>Entries a store adds to a stored dictionary (RedisStorage adds its ETag).</summary>
    protected virtual IEnumerable<string> AddedDictionaryEntries => [];

    protected string Key(string name) => _scope + name;

    [Fact]
    public async Task Create_then_read_returns_items_with_their_types()
    {
        await Storage.WriteAsync(new Dictionary<string, object>
        {
            [Key("poco")] = new PocoItem { Id = "1" },
            [Key("store-item")] = new PocoStoreItem { Id = "2" },
        });

        var items = await Storage.ReadAsync([Key("poco"), Key("store-item")]);

        Assert.Equal("1", Assert.IsType<PocoItem>(items[Key("poco")]).Id);
        var storeItem = Assert.IsType<PocoStoreItem>(items[Key("store-item")]);
        Assert.Equal("2", storeItem.Id);
        Assert.False(string.IsNullOrEmpty(storeItem.ETag));
    }

    [Fact]
    public async Task Read_of_a_missing_key_leaves_it_out_of_the_result()
    {
        var items = await Storage.ReadAsync([Key("missing")]);

        Assert.NotNull(items);
        Assert.Empty(items);
    }

    [Fact]
    public async Task Read_of_several_keys_returns_the_existing_ones_only()
    {
        await Storage.WriteAsync(new Dictionary<string, object>
        {
            [Key("a")] = new PocoItem { Id = "a" },
            [Key("c")] = new PocoItem { Id = "c" },
        });

        var items = await Storage.ReadAsync([Key("a"), Key("b"), Key("c"), Key("d")]);

        Assert.Equal([Key("a"), Key("c")], items.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("a", Assert.IsType<PocoItem>(items[Key("a")]).Id);
        Assert.Equal("c", Assert.IsType<PocoItem>(items[Key("c")]).Id);
    }

    [Fact]
    public async Task Write_of_several_keys_stores_them_all()
    {
        var changes = Enumerable.Range(0, 20).ToDictionary(
            i => Key($"batch-{i}"),
            i => (object)new PocoStoreItem { Id = $"{i}", Count = i });

        await Storage.WriteAsync(changes);

        var items = await Storage.ReadAsync([.. changes.Keys]);
        Assert.Equal(20, items.Count);
        Assert.All(Enumerable.Range(0, 20), i => Assert.Equal(i, Assert.IsType<PocoStoreItem>(items[Key($"batch-{i}")]).Count));
        Assert.Equal(20, items.Values.Cast<PocoStoreItem>().Select(item => item.ETag).Distinct().Count());
    }

    [Fact]
    public async Task Update_with_the_current_etag_succeeds_and_gives_a_new_etag()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = new PocoStoreItem { Count = 1 } });
        var loaded = await ReadOneAsync<PocoStoreItem>(Key("item"));

        loaded.Count = 2;
        await Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = loaded });

        var reloaded = await ReadOneAsync<PocoStoreItem>(Key("item"));
        Assert.Equal(2, reloaded.Count);
        Assert.False(string.IsNullOrEmpty(reloaded.ETag));
        Assert.NotEqual(loaded.ETag, reloaded.ETag);
    }

    [Fact]
    public async Task Update_with_a_stale_etag_is_refused_and_keeps_the_stored_item()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = new PocoStoreItem { Count = 1 } });
        var first = await ReadOneAsync<PocoStoreItem>(Key("item"));
        var second = await ReadOneAsync<PocoStoreItem>(Key("item"));
        first.Count = 2;
        await Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = first });

        second.Count = 3;
        var exception = await Record.ExceptionAsync(() => Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = second }));

        Assert.NotNull(exception);
        AssertConflict(exception, Key("item"));
        Assert.Equal(2, (await ReadOneAsync<PocoStoreItem>(Key("item"))).Count);
    }

    [Fact]
    public async Task Wildcard_etag_overwrites_whatever_is_stored()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = new PocoStoreItem { Count = 1 } });
        var stale = await ReadOneAsync<PocoStoreItem>(Key("item"));
        await Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = stale });

        await Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = new PocoStoreItem { Count = 9, ETag = "*" } });

        var reloaded = await ReadOneAsync<PocoStoreItem>(Key("item"));
        Assert.Equal(9, reloaded.Count);
        Assert.NotEqual("*", reloaded.ETag);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Store_item_without_etag_is_refused_when_the_key_holds_one(string? etag)
    {
        // MemoryStorage: only "*" or the current ETag may replace an item that has an ETag.
        await Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = new PocoStoreItem { Count = 1 } });

        var exception = await Record.ExceptionAsync(() => Storage.WriteAsync(
            new Dictionary<string, object> { [Key("item")] = new PocoStoreItem { Count = 2, ETag = etag } }));

        Assert.NotNull(exception);
        AssertConflict(exception, Key("item"));
        Assert.Equal(1, (await ReadOneAsync<PocoStoreItem>(Key("item"))).Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("some-old-etag")]
    public async Task Store_item_with_any_etag_creates_a_missing_key(string? etag)
    {
        await Storage.WriteAsync(new Dictionary<string, object> { [Key("new")] = new PocoStoreItem { Count = 5, ETag = etag } });

        Assert.Equal(5, (await ReadOneAsync<PocoStoreItem>(Key("new"))).Count);
    }

    [Fact]
    public async Task Item_without_etag_overwrites()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { [Key("poco")] = new PocoItem { Count = 1 } });
        var stale = await ReadOneAsync<PocoItem>(Key("poco"));
        await Storage.WriteAsync(new Dictionary<string, object> { [Key("poco")] = new PocoItem { Count = 2 } });

        stale.Count = 3;
        await Storage.WriteAsync(new Dictionary<string, object> { [Key("poco")] = stale });

        Assert.Equal(3, (await ReadOneAsync<PocoItem>(Key("poco"))).Count);
    }

    [Fact]
    public async Task Delete_removes_the_item()
    {
        await Storage.WriteAsync(new Dictionary<string, object>
        {
            [Key("gone")] = new PocoStoreItem { Count = 1 },
            [Key("kept")] = new PocoStoreItem { Count = 2 },
        });

        await Storage.DeleteAsync([Key("gone")]);

        var items = await Storage.ReadAsync([Key("gone"), Key("kept")]);
        Assert.Equal([Key("kept")], items.Keys);
    }

    [Fact]
    public async Task Delete_of_a_missing_key_is_fine()
    {
        await Storage.DeleteAsync([Key("never-written"), Key("also-never-written")]);

        Assert.Empty(await Storage.ReadAsync([Key("never-written")]));
    }

    [Fact]
    public async Task Deleted_key_can_be_created_again_with_a_stale_etag()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = new PocoStoreItem { Count = 1 } });
        var loaded = await ReadOneAsync<PocoStoreItem>(Key("item"));
        await Storage.DeleteAsync([Key("item")]);

        loaded.Count = 2;
        await Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = loaded });

        Assert.Equal(2, (await ReadOneAsync<PocoStoreItem>(Key("item"))).Count);
    }

    [Fact]
    public async Task Store_item_round_trips_with_nested_values()
    {
        var when = new DateTimeOffset(2025, 3, 1, 12, 30, 0, TimeSpan.FromHours(8));
        var original = new PocoStoreItem
        {
            Id = "order-42",
            Count = 3,
            Stage = OrderStage.Delivering,
            Nested = new PocoItem { Id = "rider", When = when, Tags = ["late", "2025-03-01T12:30:00", "中文"] },
            Totals = new Dictionary<string, int> { ["food"] = 120, ["delivery"] = 5 },
        };

        await Storage.WriteAsync(new Dictionary<string, object> { [Key("typed")] = original });
        var loaded = await ReadOneAsync<PocoStoreItem>(Key("typed"));

        Assert.Equal("order-42", loaded.Id);
        Assert.Equal(OrderStage.Delivering, loaded.Stage);
        Assert.NotNull(loaded.Nested);
        Assert.Equal(when, loaded.Nested.When);
        Assert.Equal(when.Offset, loaded.Nested.When!.Value.Offset);
        Assert.Equal(["late", "2025-03-01T12:30:00", "中文"], loaded.Nested.Tags);
        Assert.Equal(original.Totals, loaded.Totals);
    }

    [Fact]
    public async Task Dictionary_round_trips_as_bot_state_stores_it()
    {
        // BotState keeps a Dictionary<string, object> of property name -> value per conversation or user.
        var state = new Dictionary<string, object>
        {
            ["DialogState"] = new PocoItem { Id = "dialog", Tags = ["step-2"] },
            ["order"] = new PocoStoreItem { Id = "o-1", Stage = OrderStage.Placed },
            ["language"] = "zh-CN",
            ["lastText"] = "2025-03-01T12:30:00",
            ["turns"] = 7L,
            ["escalated"] = true,
        };

        var written = state.Keys.Order(StringComparer.Ordinal).ToArray();

        await Storage.WriteAsync(new Dictionary<string, object> { [Key("state")] = state });
        var loaded = await ReadOneAsync<Dictionary<string, object>>(Key("state"));

        Assert.Equal(
            written,
            loaded.Keys.Except(AddedDictionaryEntries).Order(StringComparer.Ordinal));
        Assert.Equal(["step-2"], Assert.IsType<PocoItem>(loaded["DialogState"]).Tags);
        Assert.Equal(OrderStage.Placed, Assert.IsType<PocoStoreItem>(loaded["order"]).Stage);
        Assert.Equal("zh-CN", loaded["language"]);
        Assert.Equal("2025-03-01T12:30:00", loaded["lastText"]);
        Assert.Equal(7L, loaded["turns"]);
        Assert.Equal(true, loaded["escalated"]);
    }

    [Fact]
    public async Task Writing_null_leaves_the_key_out_of_reads()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = new PocoItem { Count = 1 } });

        await Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = null! });

        Assert.Empty(await Storage.ReadAsync([Key("item")]));
    }

    [Fact]
    public async Task Parallel_writers_with_the_same_etag_have_exactly_one_winner()
    {
        const int writers = 8;
        await Storage.WriteAsync(new Dictionary<string, object> { [Key("contended")] = new PocoStoreItem { Count = 0 } });
        var start = await ReadOneAsync<PocoStoreItem>(Key("contended"));

        var outcomes = await Task.WhenAll(Enumerable.Range(1, writers).Select(writer => Task.Run(async () =>
        {
            var item = new PocoStoreItem { Count = writer, ETag = start.ETag };
            return await Record.ExceptionAsync(() => Storage.WriteAsync(new Dictionary<string, object> { [Key("contended")] = item }));
        })));

        var winners = Enumerable.Range(1, writers).Where(writer => outcomes[writer - 1] is null).ToArray();
        var winner = Assert.Single(winners);
        Assert.All(outcomes.Where(outcome => outcome is not null), outcome => AssertConflict(outcome!, Key("contended")));
        Assert.Equal(winner, (await ReadOneAsync<PocoStoreItem>(Key("contended"))).Count);
    }

    [Theory]
    [InlineData("msteams/conversations/19:abc@thread.skype/")]
    [InlineData("{hash}tag/with/{braces}")]
    [InlineData("with space and\ttab")]
    [InlineData("中文/订单:12345")]
    [InlineData("!@#$%^&*()~/\\><,.?';\"`~")]
    [InlineData("%41%2F")]
    [InlineData("emoji 🍜")]
    public async Task Keys_with_odd_characters_round_trip(string name)
    {
        var key = Key(name);
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = new PocoStoreItem { Id = name } });

        var items = await Storage.ReadAsync([key]);

        Assert.Equal(name, Assert.IsType<PocoStoreItem>(Assert.Single(items).Value).Id);
        Assert.Equal(key, items.Keys.Single());
    }

    [Fact]
    public async Task Keys_that_escape_alike_stay_distinct()
    {
        // "%41" must not collide with "A", nor "a/b" with "a%2Fb".
        string[] names = ["A", "%41", "a/b", "a%2Fb", "a b", "a+b"];
        await Storage.WriteAsync(names.ToDictionary(Key, name => (object)new PocoItem { Id = name }));

        var items = await Storage.ReadAsync([.. names.Select(Key)]);

        Assert.All(names, name => Assert.Equal(name, Assert.IsType<PocoItem>(items[Key(name)]).Id));
    }

    [Fact]
    public async Task User_state_persists_across_turns()
    {
        var userState = new UserState(Storage);
        var property = userState.CreateProperty<PocoItem>("profile");
        var adapter = new TestAdapter(TestAdapter.CreateConversation(Key("conversation")))
            .Use(new AutoSaveStateMiddleware(userState));

        await new TestFlow(adapter, async (turn, cancellationToken) =>
            {
                var profile = await property.GetAsync(turn, () => new PocoItem(), cancellationToken);
                if (turn.Activity.Text == "set")
                {
                    profile.Id = "王小明";
                    await turn.SendActivityAsync("saved", cancellationToken: cancellationToken);
                }
                else
                {
                    await turn.SendActivityAsync(profile.Id ?? "none", cancellationToken: cancellationToken);
                }
            })
            .Test("set", "saved")
            .Test("get", "王小明")
            .StartTestAsync();
    }

    protected async Task<T> ReadOneAsync<T>(string key)
    {
        var items = await Storage.ReadAsync([key]);
        Assert.True(items.TryGetValue(key, out var item), $"'{key}' was not found.");
        return Assert.IsType<T>(item);
    }
}
