using HelpBot.Dialogs.Turns;
using HelpBot.Storage.Redis.Locking;

namespace HelpBot.Hosting;

/// <summary>
/// The conversation turn lock when several instances share Redis: first the in-process <see cref="KeyedAsyncLock"/>
/// (turns of one conversation in this process queue up here without polling Redis), then the Redis lock that holds
/// across instances. See docs/architecture.md, "State and concurrency".
/// </summary>
public sealed class RedisConversationTurnLock : IConversationTurnLock
{
    private readonly KeyedAsyncLock _local = new();
    private readonly RedisKeyLock _shared;

    public RedisConversationTurnLock(RedisKeyLock shared)
    {
        ArgumentNullException.ThrowIfNull(shared);
        _shared = shared;
    }

    public async Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        var local = await _local.AcquireAsync(key, cancellationToken);
        try
        {
            var lease = await _shared.AcquireAsync(key, cancellationToken);
            return new Held(local, lease);
        }
        catch
        {
            local.Dispose();
            throw;
        }
    }

    private sealed class Held(IDisposable local, RedisKeyLease lease) : IDisposable
    {
        private int _disposed;

        // The next local turn goes in only after the Redis lock is released, so it does not poll for its own
        // process's lock. The release never throws, and the turn's response does not wait for it.
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _ = ReleaseAsync();
            }
        }

        private async Task ReleaseAsync()
        {
            try
            {
                await lease.DisposeAsync();
            }
            finally
            {
                local.Dispose();
            }
        }
    }
}
