using HelpBot.Storage.Redis.Errors;
using HelpBot.Storage.Tests.Items;
using HelpBot.Storage.Tests.Support;
using HelpBot.Testing.Redis;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HelpBot.Storage.Tests.Redis;

/// <summary>ETag behaviour RedisStorage has beyond MemoryStorage: dictionaries and plain objects carrying an eTag.</summary>
public sealed class RedisStorageETagTests : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private readonly RedisStorageFactory _factory;

    public RedisStorageETagTests(RedisServerFixture redis)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _factory = new RedisStorageFactory(redis.ConnectionString);
    }

    [Fact]
    public async Task Dictionary_gets_an_etag_and_a_stale_one_is_refused()
    {
        var storage = _factory.Create();
        var state = new Dictionary<string, object> { ["count"] = 1L };
        await storage.WriteAsync(new Dictionary<string, object> { ["state"] = state });
        var first = (IDictionary<string, object>)(await storage.ReadAsync(["state"]))["state"];
        var second = (IDictionary<string, object>)(await storage.ReadAsync(["state"]))["state"];
        Assert.IsType<string>(first["eTag"]);

        first["count"] = 2L;
        await storage.WriteAsync(new Dictionary<string, object> { ["state"] = first });
        second["count"] = 3L;
        var conflict = await Assert.ThrowsAsync<StorageETagConflictException>(
            () => storage.WriteAsync(new Dictionary<string, object> { ["state"] = second }));

        Assert.Equal("state", conflict.Key);
        Assert.Equal(2L, ((IDictionary<string, object>)(await storage.ReadAsync(["state"]))["state"])["count"]);
    }

    [Fact]
    public async Task Dictionary_written_successfully_carries_the_new_etag_so_it_can_be_written_again()
    {
        var storage = _factory.Create();
        var state = new Dictionary<string, object> { ["count"] = 1L };

        await storage.WriteAsync(new Dictionary<string, object> { ["state"] = state });
        var afterFirst = state["eTag"];
        state["count"] = 2L;
        await storage.WriteAsync(new Dictionary<string, object> { ["state"] = state });

        var stored = (IDictionary<string, object>)(await storage.ReadAsync(["state"]))["state"];
        Assert.Equal(2L, stored["count"]);
        Assert.Equal(state["eTag"], stored["eTag"]);
        Assert.NotEqual(afterFirst, stored["eTag"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*")]
    public async Task Dictionary_without_etag_or_with_wildcard_overwrites(string? etag)
    {
        var storage = _factory.Create();
        await storage.WriteAsync(new Dictionary<string, object> { ["state"] = new Dictionary<string, object> { ["count"] = 1L } });

        var replacement = new Dictionary<string, object> { ["count"] = 9L };
        if (etag is not null)
        {
            replacement["eTag"] = etag;
        }

        await storage.WriteAsync(new Dictionary<string, object> { ["state"] = replacement });

        Assert.Equal(9L, ((IDictionary<string, object>)(await storage.ReadAsync(["state"]))["state"])["count"]);
    }

    [Fact]
    public async Task Plain_object_with_an_etag_property_is_checked_too()
    {
        var storage = _factory.Create();
        await storage.WriteAsync(new Dictionary<string, object> { ["doc"] = new VersionedPoco { Text = "v1" } });
        var loaded = Assert.IsType<VersionedPoco>((await storage.ReadAsync(["doc"]))["doc"]);
        Assert.False(string.IsNullOrEmpty(loaded.ETag));

        await storage.WriteAsync(new Dictionary<string, object> { ["doc"] = new VersionedPoco { Text = "v2", ETag = loaded.ETag } });
        await Assert.ThrowsAsync<StorageETagConflictException>(() => storage.WriteAsync(
            new Dictionary<string, object> { ["doc"] = new VersionedPoco { Text = "v3", ETag = loaded.ETag } }));

        Assert.Equal("v2", Assert.IsType<VersionedPoco>((await storage.ReadAsync(["doc"]))["doc"]).Text);
    }

    [Fact]
    public async Task Conflict_on_one_key_names_it_and_does_not_stop_the_others()
    {
        var storage = _factory.Create();
        await storage.WriteAsync(new Dictionary<string, object> { ["订单/42"] = new PocoStoreItem { Count = 1 } });
        var stale = Assert.IsType<PocoStoreItem>((await storage.ReadAsync(["订单/42"]))["订单/42"]);
        await storage.WriteAsync(new Dictionary<string, object> { ["订单/42"] = stale });

        var conflict = await Assert.ThrowsAsync<StorageETagConflictException>(() => storage.WriteAsync(new Dictionary<string, object>
        {
            ["订单/42"] = stale,
            ["other"] = new PocoItem { Id = "written" },
        }));

        Assert.Equal(["订单/42"], conflict.Keys);
        Assert.Contains("'订单/42'", conflict.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<ArgumentException>(conflict);
        Assert.Equal("written", Assert.IsType<PocoItem>((await storage.ReadAsync(["other"]))["other"]).Id);
    }

    [Fact]
    public async Task Untyped_json_object_round_trips_as_a_jobject()
    {
        var storage = _factory.Create();
        var document = JObject.Parse("""{"name":"小明","when":"2025-03-01T12:30:00"}""");

        await storage.WriteAsync(new Dictionary<string, object> { ["json"] = document });

        var loaded = Assert.IsType<JObject>((await storage.ReadAsync(["json"]))["json"]);
        Assert.Equal("小明", (string?)loaded["name"]);
        Assert.Equal(JTokenType.String, loaded["when"]!.Type);
        Assert.Equal("2025-03-01T12:30:00", (string?)loaded["when"]);
    }

    [Fact]
    public async Task Allowed_types_binder_refuses_types_outside_its_list()
    {
#pragma warning disable CA2326, CA2327 // the binder is what makes TypeNameHandling.All safe here
        var serializer = JsonSerializer.Create(new JsonSerializerSettings
        {
            TypeNameHandling = TypeNameHandling.All,
            MaxDepth = null,
            SerializationBinder = new AllowedTypesSerializationBinder([typeof(PocoItem), typeof(List<string>)]),
        });
#pragma warning restore CA2326, CA2327
        var storage = _factory.Create(serializer: serializer);
        await storage.WriteAsync(new Dictionary<string, object> { ["allowed"] = new PocoItem { Id = "ok" } });
        Assert.Equal("ok", Assert.IsType<PocoItem>((await storage.ReadAsync(["allowed"]))["allowed"]).Id);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => storage.WriteAsync(
            new Dictionary<string, object> { ["refused"] = new PocoStoreItem() }));

        Assert.Contains(nameof(PocoStoreItem), refused.Message, StringComparison.Ordinal);
        Assert.Empty(await storage.ReadAsync(["refused"]));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}
