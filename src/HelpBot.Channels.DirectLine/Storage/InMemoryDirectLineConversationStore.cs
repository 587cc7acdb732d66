using System.Globalization;
using HelpBot.Channels.DirectLine.Configuration;
using HelpBot.Channels.DirectLine.Serialization;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace HelpBot.Channels.DirectLine.Storage;

/// <summary>
/// Process-local store with bounded memory: at most MaxConversations conversations (the least recently active is
/// evicted) and at most MaxActivitiesPerConversation activities each (the oldest are dropped).
/// </summary>
public sealed class InMemoryDirectLineConversationStore : IDirectLineConversationStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _byId = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _byRecency = new(); // most recently active first
    private readonly DirectLineOptions _options;
    private readonly TimeProvider _time;

    public InMemoryDirectLineConversationStore(IOptions<DirectLineOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
    }

    public ValueTask<ConversationStart> GetOrCreateAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_byId.TryGetValue(conversationId, out var existing))
            {
                Touch(existing);
                return ValueTask.FromResult(new ConversationStart(existing.Value.Conversation, false));
            }

            var conversation = new DirectLineConversation(conversationId, userId, _time.GetUtcNow());
            _byId[conversationId] = _byRecency.AddFirst(new Entry(conversation));
            while (_byId.Count > _options.MaxConversations)
            {
                var oldest = _byRecency.Last!;
                _byRecency.RemoveLast();
                _byId.Remove(oldest.Value.Conversation.Id);
            }

            return ValueTask.FromResult(new ConversationStart(conversation, true));
        }
    }

    public ValueTask<DirectLineConversation?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_byId.TryGetValue(conversationId, out var node) ? node.Value.Conversation : null);
        }
    }

    public ValueTask<StoredActivity?> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        lock (_gate)
        {
            if (!_byId.TryGetValue(conversationId, out var node))
                return ValueTask.FromResult<StoredActivity?>(null);

            var entry = node.Value;
            var sequence = ++entry.LastSequence;
            activity.Id = conversationId + "|" + sequence.ToString("D7", CultureInfo.InvariantCulture);
            var stored = new StoredActivity(sequence, activity.Id, DirectLineJson.Serialize(activity));
            entry.Activities.Enqueue(stored);
            while (entry.Activities.Count > _options.MaxActivitiesPerConversation)
                entry.Activities.Dequeue();
            Touch(node);
            return ValueTask.FromResult<StoredActivity?>(stored);
        }
    }

    public ValueTask<ActivityPage?> GetActivitiesAsync(string conversationId, long watermark, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_byId.TryGetValue(conversationId, out var node))
                return ValueTask.FromResult<ActivityPage?>(null);

            var entry = node.Value;
            var activities = entry.Activities.Where(a => a.Sequence > watermark).ToArray();
            return ValueTask.FromResult<ActivityPage?>(new ActivityPage(activities, Math.Max(watermark, entry.LastSequence)));
        }
    }

    private void Touch(LinkedListNode<Entry> node)
    {
        if (node != _byRecency.First)
        {
            _byRecency.Remove(node);
            _byRecency.AddFirst(node);
        }
    }

    private sealed class Entry(DirectLineConversation conversation)
    {
        public DirectLineConversation Conversation { get; } = conversation;

        public Queue<StoredActivity> Activities { get; } = new();

        public long LastSequence { get; set; }
    }
}
