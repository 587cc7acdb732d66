using HelpBot.Storage.Redis.Errors;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HelpBot.AgentDesk.Storage;

/// <summary>Typed reads and ETag-checked read-modify-write over any IStorage (MemoryStorage, RedisStorage).</summary>
public static class StorageItems
{
    /// <summary>How often a write that lost an ETag race is read again and retried.</summary>
    public const int MaxAttempts = 30;

    public static async Task<T?> ReadAsync<T>(IStorage storage, string key, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(storage);
        var items = await storage.ReadAsync([key], cancellationToken);
        if (!items.TryGetValue(key, out var item) || item is null)
        {
            return null;
        }

        // MemoryStorage hands back the typed object (it stores type names); Redis hands back JSON.
        return item switch
        {
            T typed => typed,
            JObject json => json.ToObject<T>(),
            _ => JObject.FromObject(item).ToObject<T>(),
        };
    }

    public static Task WriteAsync(IStorage storage, string key, object item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        return storage.WriteAsync(new Dictionary<string, object> { [key] = item }, cancellationToken);
    }

    /// <summary>
    /// Reads <paramref name="key"/> (or creates it), applies <paramref name="change"/> and writes with the ETag that
    /// was read; when another writer got there first, starts again from a fresh read. <paramref name="change"/>
    /// returns false to leave the item unchanged. Returns the item as last seen and whether it was written.
    /// </summary>
    public static async Task<(T? Item, bool Written)> UpdateAsync<T>(
        IStorage storage,
        string key,
        Func<T?, T?> change,
        CancellationToken cancellationToken)
        where T : class, IStoreItem
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var current = await ReadAsync<T>(storage, key, cancellationToken);
            var updated = change(current);
            if (updated is null)
            {
                return (current, false);
            }

            try
            {
                await WriteAsync(storage, key, updated, cancellationToken);
                return (updated, true);
            }
            catch (Exception ex) when (IsETagConflict(ex) && attempt < MaxAttempts)
            {
                // Lost the race: wait a little (random, growing, so contenders spread out), then read the winner's
                // version and apply the change to it.
                var ceiling = Math.Min(100, 2 << Math.Min(attempt, 6));
                await Task.Delay(System.Security.Cryptography.RandomNumberGenerator.GetInt32(1, ceiling), cancellationToken);
            }
        }
    }

    /// <summary>RedisStorage throws its own type; Bot Framework's MemoryStorage throws a plain exception saying "Etag conflict".</summary>
    public static bool IsETagConflict(Exception exception) =>
        exception is StorageETagConflictException
        || (exception.Message?.Contains("etag conflict", StringComparison.OrdinalIgnoreCase) ?? false);
}
