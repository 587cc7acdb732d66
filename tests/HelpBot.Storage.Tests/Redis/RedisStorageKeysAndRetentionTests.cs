using HelpBot.Storage.Redis;
using HelpBot.Storage.Redis.Options;
using HelpBot.Storage.Tests.Items;
using HelpBot.Storage.Tests.Support;
using HelpBot.Testing.Redis;
using StackExchange.Redis;

namespace HelpBot.Storage.Tests.Redis;

public sealed class RedisStorageKeysAndRetentionTests : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private readonly RedisStorageFactory _factory;

    public RedisStorageKeysAndRetentionTests(RedisServerFixture redis)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _factory = new RedisStorageFactory(redis.ConnectionString);
    }

    [Fact]
    public async Task Items_live_under_the_prefix_with_the_key_escaped()
    {
        var options = RedisStorageFactory.NewOptions();
        var storage = _factory.Create(out var connection, options);

        await storage.WriteAsync(new Dictionary<string, object> { ["msteams/conversations/19:a{b} 中/"] = new PocoItem() });

        var expected = (RedisKey)(options.KeyPrefix + "msteams/conversations/19%3Aa%7Bb%7D%20%E4%B8%AD/");
        Assert.Equal(expected, storage.Layout.ToRedisKey("msteams/conversations/19:a{b} 中/"));
        Assert.True(await connection.GetDatabase().KeyExistsAsync(expected));
    }

    [Fact]
    public async Task Storages_with_different_prefixes_do_not_see_each_other()
    {
        var first = _factory.Create();
        var second = _factory.Create();

        await first.WriteAsync(new Dictionary<string, object> { ["shared/key"] = new PocoItem { Id = "first" } });

        Assert.Empty(await second.ReadAsync(["shared/key"]));
        Assert.Single(await first.ReadAsync(["shared/key"]));
    }

    [Fact]
    public async Task Conversation_state_gets_the_ttl_and_each_write_sets_it_again()
    {
        var options = RedisStorageFactory.NewOptions();
        options.ConversationStateTtl = TimeSpan.FromHours(6);
        var storage = _factory.Create(out var connection, options);
        var database = connection.GetDatabase();
        var key = storage.Layout.ToRedisKey("webchat/conversations/abc/");

        await storage.WriteAsync(new Dictionary<string, object> { ["webchat/conversations/abc/"] = new PocoItem() });
        var ttl = await database.KeyTimeToLiveAsync(key);
        Assert.InRange(ttl!.Value, TimeSpan.FromHours(5), TimeSpan.FromHours(6));

        // Pretend most of the TTL has passed, then write again: the full TTL is back (sliding expiry).
        await database.KeyExpireAsync(key, TimeSpan.FromMinutes(1));
        await storage.WriteAsync(new Dictionary<string, object> { ["webchat/conversations/abc/"] = new PocoItem() });

        Assert.InRange((await database.KeyTimeToLiveAsync(key))!.Value, TimeSpan.FromHours(5), TimeSpan.FromHours(6));
    }

    [Fact]
    public async Task Reads_do_not_extend_the_ttl()
    {
        var options = RedisStorageFactory.NewOptions();
        var storage = _factory.Create(out var connection, options);
        var database = connection.GetDatabase();
        var key = storage.Layout.ToRedisKey("webchat/conversations/read-only/");
        await storage.WriteAsync(new Dictionary<string, object> { ["webchat/conversations/read-only/"] = new PocoItem() });
        await database.KeyExpireAsync(key, TimeSpan.FromHours(1));

        await storage.ReadAsync(["webchat/conversations/read-only/"]);

        Assert.InRange((await database.KeyTimeToLiveAsync(key))!.Value, TimeSpan.Zero, TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task Retention_rule_gives_its_key_family_its_own_ttl_and_the_longest_prefix_wins()
    {
        var options = RedisStorageFactory.NewOptions();
        options.ConversationStateTtl = TimeSpan.FromDays(7);
        options.RetentionRules.Add(new RedisRetentionRule { KeyPrefix = "cases/" });
        options.RetentionRules.Add(new RedisRetentionRule { KeyPrefix = "cases/legal-hold/", Ttl = TimeSpan.FromDays(365) });
        options.RetentionRules.Add(new RedisRetentionRule { KeyPrefix = "scratch/", Ttl = TimeSpan.Zero });
        var storage = _factory.Create(out var connection, options);
        var database = connection.GetDatabase();

        await storage.WriteAsync(new Dictionary<string, object>
        {
            ["cases/c-1"] = new PocoStoreItem(),
            ["cases/legal-hold/c-2"] = new PocoStoreItem(),
            ["scratch/x"] = new PocoItem(),
            ["webchat/users/u-1"] = new PocoItem(),
        });

        Assert.InRange((await database.KeyTimeToLiveAsync(storage.Layout.ToRedisKey("cases/c-1")))!.Value, TimeSpan.FromDays(89), TimeSpan.FromDays(90));
        Assert.InRange((await database.KeyTimeToLiveAsync(storage.Layout.ToRedisKey("cases/legal-hold/c-2")))!.Value, TimeSpan.FromDays(364), TimeSpan.FromDays(365));
        Assert.Null(await database.KeyTimeToLiveAsync(storage.Layout.ToRedisKey("scratch/x")));
        Assert.InRange((await database.KeyTimeToLiveAsync(storage.Layout.ToRedisKey("webchat/users/u-1")))!.Value, TimeSpan.FromDays(6), TimeSpan.FromDays(7));
    }

    [Fact]
    public void Layout_escapes_one_to_one()
    {
        string[] keys = ["A", "%41", "a/b", "a%2Fb", "中", "%E4%B8%AD", "{x}", "%7Bx%7D"];

        var escaped = keys.Select(RedisKeyLayout.Escape).ToArray();

        Assert.Equal(keys.Length, escaped.Distinct(StringComparer.Ordinal).Count());
        Assert.All(escaped, key => Assert.DoesNotContain('{', key));
        Assert.Equal("a/b", RedisKeyLayout.Escape("a/b"));
        Assert.Equal("%E4%B8%AD", RedisKeyLayout.Escape("中"));
        Assert.Equal("%F0%9F%8D%9C", RedisKeyLayout.Escape("🍜"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}
