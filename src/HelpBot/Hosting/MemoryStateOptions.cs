namespace HelpBot.Hosting;

/// <summary>
/// Configuration section <c>MemoryState</c>: limits of the in-memory state (no ConnectionStrings:Redis), which would
/// otherwise keep every conversation, transcript and case until the process ends.
/// </summary>
public sealed class MemoryStateOptions
{
    public const string SectionName = "MemoryState";

    /// <summary>An item (a conversation's state, its transcript, a case) not read or written for this long is dropped.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Most items kept; beyond it the least recently used go first. A conversation takes two or three.</summary>
    public int MaxItems { get; set; } = 5_000;
}
