using StackExchange.Redis;

namespace HelpBot.Storage.Redis.Errors;

/// <summary>
/// Redis did not answer a storage operation (timeout, no connection, server error). The inner exception is the
/// StackExchange.Redis one with the details; the turn that needed the state cannot go on.
/// </summary>
public sealed class RedisStorageException : Exception
{
    public RedisStorageException(string operation, int keyCount, Exception innerException)
        : base(BuildMessage(operation, keyCount, innerException), innerException)
    {
        Operation = operation;
        KeyCount = keyCount;
    }

    /// <summary><c>read</c>, <c>write</c>, <c>delete</c> or <c>lock</c> (taking a turn lock).</summary>
    public string Operation { get; }

    public int KeyCount { get; }

    /// <summary>
    /// What counts as Redis failing (no connection, server error, timeout) wherever HelpBot talks to Redis: the one
    /// place that decides it. RedisTimeoutException is a TimeoutException, not a RedisException, so both are named.
    /// </summary>
    public static bool IsRedisFailure(Exception exception) => exception is RedisException or RedisTimeoutException;

    private static string BuildMessage(string operation, int keyCount, Exception innerException)
    {
        ArgumentNullException.ThrowIfNull(innerException);
        var reason = innerException is TimeoutException ? "timed out (Redis slow or unreachable)" : "failed";
        return $"Redis storage {operation} of {keyCount} key(s) {reason}: {innerException.Message}";
    }
}
