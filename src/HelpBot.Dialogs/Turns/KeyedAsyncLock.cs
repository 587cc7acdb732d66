namespace HelpBot.Dialogs.Turns;

/// <summary>
/// Runs the turns of one conversation one after another, so two fast messages never both read the same state.
/// The in-process implementation is <see cref="KeyedAsyncLock"/>; several instances sharing Redis need one that
/// holds across processes.
/// </summary>
public interface IConversationTurnLock
{
    /// <summary>Waits until no other turn of the conversation <paramref name="key"/> runs; dispose the result to let the next one in.</summary>
    Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken);
}

/// <summary>One async lock per key, created on demand and dropped when nobody holds or waits for it (this process only).</summary>
public sealed class KeyedAsyncLock : IConversationTurnLock
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                _entries[key] = entry;
            }

            entry.References++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Release(key, entry, held: false);
            throw;
        }

        return new Releaser(this, key, entry);
    }

    /// <summary>Keys currently held or waited for (for tests and diagnostics).</summary>
    public int Count
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    private void Release(string key, Entry entry, bool held)
    {
        lock (_entries)
        {
            if (--entry.References == 0)
            {
                _entries.Remove(key);
            }
        }

        if (held)
        {
            entry.Semaphore.Release();
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int References { get; set; }
    }

    private sealed class Releaser(KeyedAsyncLock owner, string key, Entry entry) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Release(key, entry, held: true);
            }
        }
    }
}
