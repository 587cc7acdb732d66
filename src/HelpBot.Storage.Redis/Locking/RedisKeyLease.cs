using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace HelpBot.Storage.Redis.Locking;

/// <summary>
/// A lock taken by <see cref="RedisKeyLock"/>. While held, its lease in Redis is renewed every third of the lease
/// time; disposing stops the renewal and deletes the lock key if it still carries this lease's token.
/// </summary>
public sealed class RedisKeyLease : IAsyncDisposable, IDisposable
{
    private readonly Lock _sync = new();
    private readonly IDatabaseAsync? _database;
    private readonly RedisKey _lockKey;
    private readonly RedisValue _token;
    private readonly ILogger? _logger;
    private readonly CancellationTokenSource? _renewalStop;
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
        _renewalStop = new CancellationTokenSource();
        _renewal = RenewAsync(lease, _renewalStop.Token);
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
        if (_database is null || _renewalStop is null)
        {
            return;
        }

        await _renewalStop.CancelAsync();
        await _renewal;
        _renewalStop.Dispose();
        try
        {
            if (!await _database.LockReleaseAsync(_lockKey, _token))
            {
                _logger?.LogWarning("Turn lock for {StorageKey} had already expired or been taken over when released", StorageKey);
            }
        }
        catch (Exception exception) when (exception is RedisException or RedisTimeoutException)
        {
            _logger?.LogWarning(exception, "Turn lock for {StorageKey} could not be released; it frees itself when its lease runs out", StorageKey);
        }
    }

    private async Task RenewAsync(TimeSpan lease, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(lease / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    if (!await _database!.LockExtendAsync(_lockKey, _token, lease).WaitAsync(stop))
                    {
                        _logger?.LogWarning(
                            "Turn lock for {StorageKey} was lost before the turn ended (lease ran out while Redis was unreachable?); "
                            + "the ETag check on save still protects the stored state",
                            StorageKey);
                        return;
                    }
                }
                catch (Exception exception) when (exception is RedisException or RedisTimeoutException)
                {
                    // Keep trying: the lease may still be valid when Redis answers again.
                    _logger?.LogWarning(exception, "Turn lock for {StorageKey} could not be renewed", StorageKey);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Released.
        }
    }
}
