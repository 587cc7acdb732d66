using HelpBot.Platform.Sandbox.Admin;

namespace HelpBot.Platform.Sandbox.State;

/// <summary>An injected fault, with a hit counter that concurrent requests bump without the store's lock.</summary>
internal sealed class SandboxFaultRule(string id, string pathPrefix, int? delayMs, int? statusCode, long order)
{
    private int _hits;

    public string Id { get; } = id;

    public string PathPrefix { get; } = pathPrefix;

    public int? DelayMs { get; } = delayMs;

    public int? StatusCode { get; } = statusCode;

    /// <summary>Creation order, so that of two equally specific faults the newer one wins.</summary>
    public long Order { get; } = order;

    public void RecordHit() => Interlocked.Increment(ref _hits);

    public SandboxFault ToFault() => new(Id, PathPrefix, DelayMs, StatusCode, Volatile.Read(ref _hits));
}
