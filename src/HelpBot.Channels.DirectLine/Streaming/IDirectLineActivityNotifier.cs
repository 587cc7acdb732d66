namespace HelpBot.Channels.DirectLine.Streaming;

/// <summary>
/// Wakes the WebSocket streams of a conversation when its log grows; the streams then read the log after their own
/// watermark, so a missed or merged signal loses nothing. A scaled-out store would publish these signals too.
/// </summary>
public interface IDirectLineActivityNotifier
{
    IActivitySubscription Subscribe(string conversationId);

    void Notify(string conversationId);
}

/// <summary>One stream's subscription: completes <see cref="WaitAsync"/> when new activities may be there.</summary>
public interface IActivitySubscription : IDisposable
{
    /// <summary>True when activities may have arrived, false when <paramref name="timeout"/> passed first.</summary>
    ValueTask<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken);
}
