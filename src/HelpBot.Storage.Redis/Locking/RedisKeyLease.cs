using HelpBot.Storage.Redis.Errors;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace HelpBot.Storage.Redis.Locking;

/// <summary>
/// A lock taken by <see cref="RedisKeyLock"/>. While held, its lease in Redis is renewed every third of the lease
/// time; disposing stops the renewal and deletes the lock key if it still carries this lease's token.
/// </summary>
public sealed class RedisKeyLease : IAsyncDisposable, IDisposable
{
    // Delete the lock key only while it still holds this lease's token: one round trip (the client library's
    // LockRelease uses WATCH/MULTI/EXEC, three), and one key, so it works on a cluster.
    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('DEL', KEYS[1])
        end
        return 0
        """;

    private readonly Lock _sync = new();
    private readonly IDatabaseAsync? _database;
    private readonly RedisKey _lockKey;
    private readonly RedisValue _token;
    private readonly ILogger? _logger;
    private readonly PeriodicTimer? _renewalTimer;
    private readonly Task _renewal = Task.CompletedTask;
    private Task? _release;

    private RedisKeyLease(string storageKey)
    {
        StorageKey = storageKey;
    }

    private RedisKeyLease(IDatabaseAsync database, RedisKey lockKey, RedisValue token, string storageKey, TimeSpan lease, ILogger logger)
        : this(storageKey)
    {
        _database = database;
        _lockKey = lockKey;
        _token = token;
        _logger = logger;
        IsHeld = true;
        _renewalTimer = new PeriodicTimer(lease / 3);
        _renewal = RenewAsync(_renewalTimer, lease);
    }

    /// <summary>The storage key this lease is for.</summary>
    public string StorageKey { get; }

    /// <summary>False when the wait limit passed and the caller went on without the lock.</summary>
    public bool IsHeld { get; }

    internal static RedisKeyLease Held(IDatabaseAsync database, RedisKey lockKey, RedisValue token, string storageKey, TimeSpan lease, ILogger logger) =>
        new(database, lockKey, token, storageKey, lease, logger);

    internal static RedisKeyLease NotHeld(string storageKey) => new(storageKey);

    /// <summary>Releases the lock; never throws (a lock that cannot be deleted frees itself when its lease runs out).</summary>
    public ValueTask DisposeAsync()
    {
        lock (_sync)
        {
            _release ??= ReleaseAsync();
        }

        return new ValueTask(_release);
    }

    /// <summary>Starts the release without waiting for Redis (see <see cref="DisposeAsync"/>).</summary>
    public void Dispose() => _ = DisposeAsync().AsTask();

    private async Task ReleaseAsync()
    {
        if (_database is null || _renewalTimer is null)
        {
            return;
        }

        // Disposing the timer ends the renewal loop without an exception (a cancelled wait would throw one per turn).
        _renewalTimer.Dispose();
        await _renewal;
        try
        {
            if ((int)await _database.ScriptEvaluateAsync(ReleaseScript, [_lockKey], [_token]) != 1)
            {
                _logger?.LogWarning("Turn lock for {StorageKey} had already expired or been taken over when released", StorageKey);
            }
        }
        catch (Exception exception) when (RedisStorageException.IsRedisFailure(exception))
        {
            _logger?.LogWarning(exception, "Turn lock for {StorageKey} could not be released; it frees itself when its lease runs out", StorageKey);
        }
    }

    private async Task RenewAsync(PeriodicTimer timer, TimeSpan lease)
    {
        while (await timer.WaitForNextTickAsync())
        {
            try
            {
                if (!await _database!.LockExtendAsync(_lockKey, _token, lease))
                {
                    _logger?.LogWarning(
                        "Turn lock for {StorageKey} was lost before the turn ended (lease ran out while Redis was unreachable?); "
                        + "the ETag check on save still protects the stored state",
                        StorageKey);
                    return;
                }
            }
            catch (Exception exception) when (RedisStorageException.IsRedisFailure(exception))
            {
                // Keep trying: the lease may still be valid when Redis answers again.
                _logger?.LogWarning(exception, "Turn lock for {StorageKey} could not be renewed", StorageKey);
            }
        }
    }
}
