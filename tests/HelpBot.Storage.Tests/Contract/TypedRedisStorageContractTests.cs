using HelpBot.Storage.Redis;
using HelpBot.Storage.Redis.Errors;
using HelpBot.Storage.Tests.Items;
using HelpBot.Storage.Tests.Support;
using HelpBot.Testing.Redis;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HelpBot.Storage.Tests.Contract;

/// <summary>
/// The same contract with <see cref="PocoStoreItem"/> registered in <see cref="RedisItemTypes"/> (written and read
/// without a JObject): the typed path must behave exactly like the JSON path and like MemoryStorage. The extra tests
/// use the serializer HelpBot's host uses (no .NET type names in the JSON), where only registered types come back typed.
/// </summary>
public sealed class TypedRedisStorageContractTests : StorageContractTests, IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private static readonly JsonSerializer HostSerializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        NullValueHandling = NullValueHandling.Ignore,
        MaxDepth = 64,
    });

    private readonly RedisStorageFactory _factory;
    private readonly IStorage _hostTyped;
    private readonly IStorage _untypedReader;

    public TypedRedisStorageContractTests(RedisServerFixture redis)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _factory = new RedisStorageFactory(redis.ConnectionString);
        Storage = _factory.Create(itemTypes: new RedisItemTypes().Add<PocoStoreItem>("poco"));
        var options = RedisStorageFactory.NewOptions();
        _hostTyped = _factory.Create(options, HostSerializer, new RedisItemTypes().Add<PocoStoreItem>("poco"));
        _untypedReader = _factory.Create(options, HostSerializer);
    }

    protected override IStorage Storage { get; }

    protected override IEnumerable<string> AddedDictionaryEntries => ["eTag"];

    protected override void AssertConflict(Exception exception, string key)
    {
        var conflict = Assert.IsType<StorageETagConflictException>(exception);
        Assert.Equal(key, conflict.Key);
    }

    [Fact]
    public async Task A_registered_type_comes_back_typed_with_the_stored_etag_and_the_callers_item_keeps_its_etag()
    {
        var item = new PocoStoreItem { Count = 3, Nested = new PocoItem { Id = "n" }, Totals = { ["a"] = 1 } };
        await _hostTyped.WriteAsync(new Dictionary<string, object> { [Key("typed")] = item });
        Assert.Null(item.ETag);

        var read = Assert.IsType<PocoStoreItem>((await _hostTyped.ReadAsync([Key("typed")]))[Key("typed")]);
        Assert.Equal(3, read.Count);
        Assert.Equal("n", read.Nested?.Id);
        Assert.Equal(1, read.Totals["a"]);
        Assert.False(string.IsNullOrEmpty(read.ETag));

        // A reader that does not know the type sees the same JSON with the same ETag.
        var json = Assert.IsType<JObject>((await _untypedReader.ReadAsync([Key("typed")]))[Key("typed")]);
        Assert.Equal(read.ETag, (string?)json["ETag"]);
        Assert.Equal(3, (int)json["Count"]!);
    }

    [Fact]
    public async Task An_item_written_untyped_reads_typed_after_its_next_write_and_etags_carry_over()
    {
        await _untypedReader.WriteAsync(new Dictionary<string, object> { [Key("mixed")] = new PocoStoreItem { Count = 1 } });
        var json = Assert.IsType<JObject>((await _hostTyped.ReadAsync([Key("mixed")]))[Key("mixed")]);
        var loaded = json.ToObject<PocoStoreItem>()!;
        loaded.Count = 2;
        await _hostTyped.WriteAsync(new Dictionary<string, object> { [Key("mixed")] = loaded });

        var typed = Assert.IsType<PocoStoreItem>((await _hostTyped.ReadAsync([Key("mixed")]))[Key("mixed")]);
        Assert.Equal(2, typed.Count);
        await Assert.ThrowsAsync<StorageETagConflictException>(() => _hostTyped.WriteAsync(
            new Dictionary<string, object> { [Key("mixed")] = loaded }));
    }

    [Fact]
    public void An_alias_or_type_is_registered_once()
    {
        var types = new RedisItemTypes().Add<PocoStoreItem>("poco");
        Assert.Throws<ArgumentException>(() => types.Add<PocoStoreItem>("other"));
        Assert.Throws<InvalidOperationException>(() => RedisItemTypes.None.Add<PocoStoreItem>("poco"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}
