namespace HelpBot.Storage.Redis.Errors;

/// <summary>
/// A write carried an ETag that no longer matches the stored item: someone else (another bot instance, another turn
/// of the same conversation) wrote it after it was read. Derives from <see cref="ArgumentException"/> because that is
/// what Bot Framework's MemoryStorage throws for the same conflict, so callers can catch either store alike.
/// </summary>
public sealed class StorageETagConflictException : ArgumentException
{
    public StorageETagConflictException(IReadOnlyList<string> keys)
        : base(BuildMessage(keys))
    {
        Keys = keys;
    }

    /// <summary>The storage keys (Bot Framework keys, not Redis keys) whose write was refused.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>The first refused key.</summary>
    public string Key => Keys[0];

    private static string BuildMessage(IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            throw new ArgumentException("At least one key is required.", nameof(keys));
        }

        var names = string.Join(", ", keys.Select(key => $"'{key}'"));
        return $"ETag conflict writing storage key{(keys.Count == 1 ? string.Empty : "s")} {names}: "
            + "the item was changed since it was read. Read it again and retry.";
    }
}
