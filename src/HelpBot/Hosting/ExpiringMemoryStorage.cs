using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace HelpBot.Hosting;

/// <summary>
/// Bot Framework's <see cref="MemoryStorage"/> (its semantics, ETags included, are the storage contract) with an end:
/// items idle for <see cref="MemoryStateOptions.IdleTimeout"/> are dropped and at most
/// <see cref="MemoryStateOptions.MaxItems"/> are kept, the least recently used going first. Without it memory grew by
/// about 43 KB per conversation for good. Every read and write counts as use, so a conversation in progress stays.
/// </summary>
public sealed class ExpiringMemoryStorage : IStorage, IDisposable
{
    private readonly MemoryStorage _inner = new();
    private readonly TimeProvider _time;
    private readonly MemoryStateOptions _options;

    // One operation at a time: an eviction and a write of the same key must not interleave (MemoryStorage itself runs
    // each call under one lock, so this costs no concurrency).
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, LinkedListNode<(string Key, DateTimeOffset LastUsed)>> _byKey = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, DateTimeOffset LastUsed)> _byUse = new(); // most recently used first

    public ExpiringMemoryStorage(IOptions<MemoryStateOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
    }

    /// <summary>Items held (for tests and diagnostics).</summary>
    public int Count
    {
        get
        {
            _gate.Wait();
            try
            {
                return _byKey.Count;
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = _time.GetUtcNow();
            await ExpireAsync(now);
            var items = await _inner.ReadAsync(keys, cancellationToken);
            foreach (var key in items.Keys)
            {
                Touch(key, now);
            }

            return items;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = _time.GetUtcNow();
            await ExpireAsync(now);
            try
            {
                await _inner.WriteAsync(changes, cancellationToken);
            }
            finally
            {
                // An ETag conflict stops the batch at an item that exists; the ones before it were written.
                foreach (var key in changes.Keys)
                {
                    Touch(key, now);
                }

                await TrimAsync();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await _inner.DeleteAsync(keys, cancellationToken);
            foreach (var key in keys)
            {
                Forget(key);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private void Touch(string key, DateTimeOffset now)
    {
        if (_byKey.TryGetValue(key, out var node))
        {
            _byUse.Remove(node);
            node.Value = (key, now);
            _byUse.AddFirst(node);
        }
        else
        {
            _byKey[key] = _byUse.AddFirst((key, now));
        }
    }

    private void Forget(string key)
    {
        if (_byKey.Remove(key, out var node))
        {
            _byUse.Remove(node);
        }
    }

    // The least recently used are at the end: drop from there while they are idle too long.
    private async Task ExpireAsync(DateTimeOffset now)
    {
        var expired = new List<string>();
        while (_byUse.Last is { } oldest && now - oldest.Value.LastUsed >= _options.IdleTimeout)
        {
            expired.Add(oldest.Value.Key);
            Forget(oldest.Value.Key);
        }

        if (expired.Count > 0)
        {
            await _inner.DeleteAsync([.. expired], CancellationToken.None);
        }
    }

    private async Task TrimAsync()
    {
        var evicted = new List<string>();
        while (_byKey.Count > Math.Max(1, _options.MaxItems) && _byUse.Last is { } oldest)
        {
            evicted.Add(oldest.Value.Key);
            Forget(oldest.Value.Key);
        }

        if (evicted.Count > 0)
        {
            await _inner.DeleteAsync([.. evicted], CancellationToken.None);
        }
    }
}
