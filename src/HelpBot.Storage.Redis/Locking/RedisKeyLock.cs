using System.Diagnostics;
using HelpBot.Storage.Redis.Errors;
using HelpBot.Storage.Redis.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HelpBot.Storage.Redis.Locking;

/// <summary>
/// Mutual exclusion per storage key across every process that shares one Redis: the holder owns
/// <c>{prefix}lock:{key}</c> (SET NX PX with a unique token, <see cref="IDatabaseAsync.LockTakeAsync"/>), renews the
/// lease while it works and releases only its own token (see <see cref="RedisKeyLease"/>: a compare-and-delete script). One key per lock, so it works on Redis Cluster too.
/// </summary>
/// <remarks>
/// This lock keeps two turns of one conversation from running at the same time; it is not what keeps the state
/// correct. If the wait exceeds <see cref="RedisStorageOptions.TurnLockWaitLimit"/> (the holder is slow, or died and
/// its lease has not run out yet) the caller gets a lease that is not held and goes on: the ETag check on save then
/// refuses whichever save comes second instead of letting it overwrite the first.
/// </remarks>
public sealed class RedisKeyLock
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromMilliseconds(250);

    private readonly IConnectionMultiplexer _connection;
    private readonly RedisKeyLayout _layout;
    private readonly RedisStorageOptions _options;
    private readonly ILogger<RedisKeyLock> _logger;

    public RedisKeyLock(IConnectionMultiplexer connection, IOptions<RedisStorageOptions> options, ILogger<RedisKeyLock> logger)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _connection = connection;
        _options = options.Value;
        _layout = new RedisKeyLayout(_options);
        _logger = logger;
    }

    /// <summary>
    /// Waits (with growing pauses, up to <see cref="RedisStorageOptions.TurnLockWaitLimit"/>) until this process holds
    /// the lock of <paramref name="storageKey"/>. Dispose the lease to release it.
    /// </summary>
    /// <returns>A held lease, or one with <see cref="RedisKeyLease.IsHeld"/> false when the wait limit passed.</returns>
    /// <exception cref="RedisStorageException">Redis did not answer (down, or slower than Redis:OperationTimeout).</exception>
    public async Task<RedisKeyLease> AcquireAsync(string storageKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storageKey);
        var lockKey = _layout.ToLockKey(storageKey);
        var token = UniqueTokens.Next();
        var database = _connection.GetDatabase();
        var waited = Stopwatch.StartNew();
        var delay = FirstRetryDelay;
        var attempts = 0;

        while (true)
        {
            attempts++;
            bool taken;
            // Before the request: the key cannot expire in Redis before this moment plus the lease.
            var requested = Stopwatch.GetTimestamp();
            try
            {
                taken = await database.LockTakeAsync(lockKey, token, _options.TurnLockLease).WaitAsync(cancellationToken);
            }
            catch (Exception exception) when (RedisStorageException.IsRedisFailure(exception))
            {
                var reason = exception is TimeoutException
                    ? $"Redis did not answer within Redis:OperationTimeout ({_options.OperationTimeout})"
                    : "Redis is unreachable";
                _logger.LogError(
                    exception,
                    "Turn lock for {StorageKey} could not be taken: {Reason} ({Failure}); the turn fails with an apology",
                    storageKey,
                    reason,
                    exception.GetType().Name);
                throw new RedisStorageException("lock", 1, exception);
            }

            if (taken)
            {
                if (attempts > 1)
                {
                    _logger.LogDebug("Turn lock for {StorageKey} taken after {Attempts} attempts ({Waited} ms)", storageKey, attempts, waited.ElapsedMilliseconds);
                }

                return RedisKeyLease.Held(database, lockKey, token, storageKey, _options.TurnLockLease, requested, _logger);
            }

            var remaining = _options.TurnLockWaitLimit - waited.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                _logger.LogWarning(
                    "Turn lock for {StorageKey} still held by another turn after {Waited} ms (Redis:TurnLockWaitLimit {WaitLimit}); "
                    + "going on without it, the ETag check on save protects the stored state",
                    storageKey,
                    waited.ElapsedMilliseconds,
                    _options.TurnLockWaitLimit);
                return RedisKeyLease.NotHeld(storageKey);
            }

            // Jitter keeps two waiters from polling in lock step; Random.Shared is fine, nothing here is secret.
#pragma warning disable CA5394
            var jitter = TimeSpan.FromMilliseconds(Random.Shared.Next(0, 10));
#pragma warning restore CA5394
            await Task.Delay(Min(delay + jitter, remaining), cancellationToken);
            delay = Min(delay * 2, LongestRetryDelay);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
