using System.Threading.Channels;

namespace HelpBot.Channels.DirectLine.Streaming;

/// <summary>In-process notifier: one single-slot channel per open stream.</summary>
public sealed class InMemoryDirectLineActivityNotifier : IDirectLineActivityNotifier
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<Subscription>> _subscriptions = new(StringComparer.Ordinal);

    public IActivitySubscription Subscribe(string conversationId)
    {
        var subscription = new Subscription(this, conversationId);
        lock (_gate)
        {
            if (!_subscriptions.TryGetValue(conversationId, out var subscribers))
                _subscriptions[conversationId] = subscribers = [];
            subscribers.Add(subscription);
        }

        return subscription;
    }

    public void Notify(string conversationId)
    {
        lock (_gate)
        {
            if (_subscriptions.TryGetValue(conversationId, out var subscribers))
            {
                foreach (var subscriber in subscribers)
                    subscriber.Signal();
            }
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            if (_subscriptions.TryGetValue(subscription.ConversationId, out var subscribers)
                && subscribers.Remove(subscription)
                && subscribers.Count == 0)
            {
                _subscriptions.Remove(subscription.ConversationId);
            }
        }
    }

    private sealed class Subscription(InMemoryDirectLineActivityNotifier owner, string conversationId) : IActivitySubscription
    {
        // One pending signal is enough: the reader catches up from its watermark.
        private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

        public string ConversationId { get; } = conversationId;

        public void Signal() => _signals.Writer.TryWrite(true);

        public async ValueTask<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (_signals.Reader.TryRead(out _))
                return true;
            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeoutSource.CancelAfter(timeout);
            try
            {
                await _signals.Reader.WaitToReadAsync(timeoutSource.Token);
                return _signals.Reader.TryRead(out _);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }

        public void Dispose() => owner.Remove(this);
    }
}
