using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace HelpBot.AgentDesk.Transcripts;

/// <summary>
/// A turn recorded as full activity snapshots (<see cref="TranscriptActivities.Snapshot(IActivity, string?, DateTimeOffset)"/>)
/// and stored with <see cref="ITranscriptStore.AppendAsync"/>: for stores that keep whole activities.
/// </summary>
public sealed class SnapshotTranscriptTurn : ITranscriptTurn
{
    private readonly ITranscriptStore _store;
    private readonly string _channelId;
    private readonly string _conversationId;
    private readonly List<JObject> _activities = [];
    private bool _committed;

    public SnapshotTranscriptTurn(ITranscriptStore store, string channelId, string conversationId)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(conversationId);
        _store = store;
        _channelId = channelId;
        _conversationId = conversationId;
    }

    public int Count
    {
        get
        {
            lock (_activities)
            {
                return _activities.Count;
            }
        }
    }

    public void Record(IActivity activity, string? id, DateTimeOffset now)
    {
        var snapshot = TranscriptActivities.Snapshot(activity, id, now);
        lock (_activities)
        {
            if (!_committed)
            {
                _activities.Add(snapshot);
            }
        }
    }

    public Task CommitAsync(CancellationToken cancellationToken)
    {
        List<JObject> turn;
        lock (_activities)
        {
            _committed = true;
            turn = [.. _activities];
        }

        return turn.Count == 0 ? Task.CompletedTask : _store.AppendAsync(_channelId, _conversationId, turn, cancellationToken);
    }
}
