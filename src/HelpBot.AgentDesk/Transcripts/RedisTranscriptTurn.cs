using Microsoft.Bot.Schema;

namespace HelpBot.AgentDesk.Transcripts;

/// <summary>
/// A turn for <see cref="RedisTranscriptStore"/>: each activity is encoded into the turn's list element as it is
/// recorded (<see cref="TranscriptTurnEncoder"/>), with no snapshot in between, and the element is appended on commit.
/// </summary>
public sealed class RedisTranscriptTurn : ITranscriptTurn
{
    private readonly RedisTranscriptStore _store;
    private readonly string _channelId;
    private readonly string _conversationId;
    private readonly TranscriptTurnEncoder _encoder;
    private readonly Lock _lock = new();
    private bool _committed;

    public RedisTranscriptTurn(RedisTranscriptStore store, string channelId, string conversationId)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _channelId = channelId;
        _conversationId = conversationId;
        _encoder = new TranscriptTurnEncoder(channelId, conversationId);
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _encoder.Count;
            }
        }
    }

    public void Record(IActivity activity, string? id, DateTimeOffset now)
    {
        // Encoded under the lock: the encoder writes one activity after the other.
        lock (_lock)
        {
            if (!_committed)
            {
                _encoder.Add(activity, id, now);
            }
        }
    }

    public Task CommitAsync(CancellationToken cancellationToken)
    {
        (byte[] Header, byte[] Turn) elements;
        lock (_lock)
        {
            if (_committed || _encoder.Count == 0)
            {
                _committed = true;
                return Task.CompletedTask;
            }

            _committed = true;
            elements = _encoder.Finish();
        }

        return _store.AppendElementsAsync(_channelId, _conversationId, elements.Header, elements.Turn, cancellationToken);
    }
}
