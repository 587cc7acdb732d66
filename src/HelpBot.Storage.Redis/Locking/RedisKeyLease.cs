using System.Diagnostics;
using HelpBot.Storage.Redis.Errors;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace HelpBot.Storage.Redis.Locking;

/// <summary>
/// A lock taken by <see cref="RedisKeyLock"/>. While held, its lease in Redis is renewed every third of the lease
/// time; disposing stops the renewal and deletes the lock key if it still carries this lease's token.
/// </summary>
/// <remarks>
/// While the lease has certainly not run out (measured from just before the SET or the last renewal was sent, with a
/// margin), the key still holds this lease's token: nobody else writes a lock key that exists, and only its holder
/// deletes it. The release is then a plain DEL, which costs Redis a fraction of the compare-and-delete script (the
/// script was a quarter of redis-server's CPU per turn). Later than that, the script compares first. The one case the
/// plain DEL cannot see is a failover that lost the SET: another turn may then hold the lock too, and the ETag check on
/// save refuses whichever save comes second, as it does for any lock that was not held.
/// </remarks>
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
    private readonly TimeSpan _lease;
    private long _leaseStartedAt;
    private Task? _release;

    private RedisKeyLease(string storageKey)
    {
        StorageKey = storageKey;
    }

    private RedisKeyLease(IDatabaseAsync database, RedisKey lockKey, RedisValue token, string storageKey, TimeSpan lease, long requestedAt, ILogger logger)
        : this(storageKey)
    {
        _database = database;
        _lockKey = lockKey;
        _token = token;
        _logger = logger;
        _lease = lease;
        _leaseStartedAt = requestedAt;
        IsHeld = true;
        _renewalTimer = new PeriodicTimer(lease / 3);
        _renewal = RenewAsync(_renewalTimer, lease);
    }

    /// <summary>The storage key this lease is for.</summary>
    public string StorageKey { get; }

    /// <summary>False when the wait limit passed and the caller went on without the lock.</summary>
    public bool IsHeld { get; }

    /// <param name="requestedAt">The <see cref="Stopwatch"/> timestamp taken just before the SET that took the lock was sent.</param>
    internal static RedisKeyLease Held(IDatabaseAsync database, RedisKey lockKey, RedisValue token, string storageKey, TimeSpan lease, long requestedAt, ILogger logger) =>
        new(database, lockKey, token, storageKey, lease, requestedAt, logger);

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
            if (CertainlyHeld())
            {
                await _database.KeyDeleteAsync(_lockKey);
                return;
            }

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

    // Half the lease as margin: far more than any drift between this process's clock and Redis's, and still many
    // times longer than a turn.
    private bool CertainlyHeld() =>
        Stopwatch.GetElapsedTime(Interlocked.Read(ref _leaseStartedAt)) < _lease / 2;

    private async Task RenewAsync(PeriodicTimer timer, TimeSpan lease)
    {
        while (await timer.WaitForNextTickAsync())
        {
            try
            {
                var requested = Stopwatch.GetTimestamp();
                if (await _database!.LockExtendAsync(_lockKey, _token, lease))
                {
                    Interlocked.Exchange(ref _leaseStartedAt, requested);
                }
                else
                {
                    // Lost (only a failover can do that within the lease): the release must compare.
                    Interlocked.Exchange(ref _leaseStartedAt, 0);
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
