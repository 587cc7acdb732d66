using HelpBot.Storage.Redis;
using HelpBot.Storage.Redis.Errors;
using HelpBot.Storage.Redis.Locking;
using HelpBot.Storage.Redis.Options;
using HelpBot.Testing.Redis;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace HelpBot.Scale.Tests;

/// <summary>The cross-instance lock itself, with one multiplexer per simulated instance against a real redis-server.</summary>
public sealed class RedisKeyLockTests : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private readonly RedisServerFixture _redis;
    private readonly List<IConnectionMultiplexer> _connections = [];

    public RedisKeyLockTests(RedisServerFixture redis)
    {
        _redis = redis;
    }

    public Task InitializeAsync() => _redis.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task Holders_on_different_connections_never_overlap()
    {
        var options = NewOptions();
        options.TurnLockWaitLimit = TimeSpan.FromMinutes(1); // 20 turns queue up here; none may give up waiting
        var instances = new[] { NewLock(options), NewLock(options) };
        var counter = $"{options.KeyPrefix}counter";
        var database = _connections[0].GetDatabase();

        // Read-modify-write with a pause in the middle: without mutual exclusion increments get lost.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            await using var lease = await instances[i % 2].AcquireAsync("webchat/conversations/shared", CancellationToken.None);
            Assert.True(lease.IsHeld);
            var value = (int)await database.StringGetAsync(counter);
            await Task.Delay(5);
            await database.StringSetAsync(counter, value + 1);
        }));

        Assert.Equal(20, (int)await database.StringGetAsync(counter));
    }

    [Fact]
    public async Task The_lock_key_is_one_key_next_to_the_item_and_is_gone_after_release()
    {
        var options = NewOptions();
        var redisLock = NewLock(options);
        var lockKey = new RedisKeyLayout(options).ToLockKey("webchat/conversations/a:b{c}");
        var database = _connections[0].GetDatabase();

        var lease = await redisLock.AcquireAsync("webchat/conversations/a:b{c}", CancellationToken.None);
        var whileHeld = await database.KeyTimeToLiveAsync(lockKey);
        await lease.DisposeAsync();

        Assert.Equal($"{options.KeyPrefix}lock:webchat/conversations/a%3Ab%7Bc%7D", lockKey.ToString());
        Assert.NotNull(whileHeld);
        Assert.True(whileHeld <= options.TurnLockLease);
        Assert.False(await database.KeyExistsAsync(lockKey));
    }

    [Fact]
    public async Task A_waiter_goes_on_without_the_lock_after_the_wait_limit()
    {
        var options = NewOptions();
        options.TurnLockWaitLimit = TimeSpan.FromMilliseconds(100);
        var holder = NewLock(options);
        var waiter = NewLock(options);

        await using var held = await holder.AcquireAsync("webchat/conversations/busy", CancellationToken.None);
        await using var notHeld = await waiter.AcquireAsync("webchat/conversations/busy", CancellationToken.None);

        Assert.True(held.IsHeld);
        Assert.False(notHeld.IsHeld);
    }

    [Fact]
    public async Task Releasing_a_lease_that_was_taken_over_leaves_the_new_holders_lock_alone()
    {
        var options = NewOptions();
        options.TurnLockLease = TimeSpan.FromSeconds(2);
        var redisLock = NewLock(options);
        var lockKey = new RedisKeyLayout(options).ToLockKey("webchat/conversations/taken");
        var database = _connections[0].GetDatabase();

        var lease = await redisLock.AcquireAsync("webchat/conversations/taken", CancellationToken.None);
        // As if the lease had run out and another turn took the lock: the next renewal finds someone else's token, and
        // past half the lease the release no longer assumes the key is its own either way.
        await database.StringSetAsync(lockKey, "someone-else");
        await Task.Delay(options.TurnLockLease / 2 + TimeSpan.FromMilliseconds(200));
        await lease.DisposeAsync();

        Assert.Equal("someone-else", (string?)await database.StringGetAsync(lockKey));
    }

    [Fact]
    public async Task A_lease_released_well_within_its_time_deletes_its_key()
    {
        var options = NewOptions();
        var redisLock = NewLock(options);
        var lockKey = new RedisKeyLayout(options).ToLockKey("webchat/conversations/quick");
        var database = _connections[0].GetDatabase();

        for (var turn = 0; turn < 3; turn++)
        {
            var lease = await redisLock.AcquireAsync("webchat/conversations/quick", CancellationToken.None);
            Assert.True(lease.IsHeld);
            Assert.True(await database.KeyExistsAsync(lockKey));
            await lease.DisposeAsync();
            Assert.False(await database.KeyExistsAsync(lockKey));
        }
    }

    [Fact]
    public async Task Taking_the_lock_while_redis_is_down_fails_with_a_storage_exception()
    {
        var options = NewOptions();
        options.OperationTimeout = TimeSpan.FromSeconds(1);
        var redisLock = NewLock(options);

        try
        {
            await _redis.StopAsync();
            var failure = await Assert.ThrowsAsync<RedisStorageException>(() => redisLock.AcquireAsync("webchat/conversations/down", CancellationToken.None));
            Assert.Equal("lock", failure.Operation);
        }
        finally
        {
            await _redis.StartAsync();
        }
    }

    private static RedisStorageOptions NewOptions() => new()
    {
        KeyPrefix = $"lock-test-{Guid.NewGuid():N}:",
        OperationTimeout = TimeSpan.FromSeconds(5),
        ConnectTimeout = TimeSpan.FromSeconds(2),
    };

    private RedisKeyLock NewLock(RedisStorageOptions options)
    {
        var connection = RedisConnectionFactory.Connect(_redis.ConnectionString, options);
        _connections.Add(connection);
        return new RedisKeyLock(connection, Microsoft.Extensions.Options.Options.Create(options), NullLogger<RedisKeyLock>.Instance);
    }
}
