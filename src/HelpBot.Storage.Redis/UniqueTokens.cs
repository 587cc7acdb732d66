using System.Security.Cryptography;
using System.Threading;

namespace HelpBot.Storage.Redis;

/// <summary>
/// ETags and lock tokens: 32 hex digits, a random per-process prefix and a counter. Unique across processes (64 random
/// bits per process) and within one (the counter), like a GUID, but without Guid.NewGuid's system call per token
/// (glibc's arc4random asks the kernel every time), which showed up at ~1% of a turn's CPU. They guard nothing: an
/// ETag only has to change on every write, a lock token only has to differ between holders.
/// </summary>
internal static class UniqueTokens
{
    private static readonly ulong ProcessPrefix = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(sizeof(ulong)));
    private static long _counter = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(sizeof(long)));

    public static string Next()
    {
        var count = unchecked((ulong)Interlocked.Increment(ref _counter));
        return string.Create(32, (ProcessPrefix, count), static (span, state) =>
        {
            state.ProcessPrefix.TryFormat(span[..16], out _, "x16", System.Globalization.CultureInfo.InvariantCulture);
            state.count.TryFormat(span[16..], out _, "x16", System.Globalization.CultureInfo.InvariantCulture);
        });
    }
}
