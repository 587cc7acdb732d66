using System.Collections.Concurrent;
using HelpBot.AgentDesk.Transcripts;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace HelpBot.AgentDesk.Tests.Infrastructure;

/// <summary>
/// A transcript store for the real bot that encodes every turn both ways as the middleware records it (snapshots
/// for the old path and <see cref="TranscriptTurnEncoder"/>, at the same moment) and keeps the comparisons; the
/// turns themselves are stored in <see cref="StorageTranscriptStore"/>.
/// </summary>
public sealed class ComparingTranscriptStore(ITranscriptStore inner) : ITranscriptStore
{
    public ConcurrentQueue<EncodedTurnComparison> Turns { get; } = new();

    public Task AppendAsync(string channelId, string conversationId, IReadOnlyList<JObject> activities, CancellationToken cancellationToken) =>
        inner.AppendAsync(channelId, conversationId, activities, cancellationToken);

    public ITranscriptTurn BeginTurn(string channelId, string conversationId) => new Turn(this, channelId, conversationId);

    public Task<IReadOnlyList<JObject>> ReadAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        inner.ReadAsync(channelId, conversationId, cancellationToken);

    public Task<string> ExportAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        inner.ExportAsync(channelId, conversationId, cancellationToken);

    private sealed class Turn(ComparingTranscriptStore store, string channelId, string conversationId) : ITranscriptTurn
    {
        private readonly List<JObject> _snapshots = [];
        private readonly TranscriptTurnEncoder _encoder = new(channelId, conversationId);

        public int Count => _snapshots.Count;

        public void Record(IActivity activity, string? id, DateTimeOffset now)
        {
            lock (_snapshots)
            {
                _snapshots.Add(TranscriptActivities.Snapshot(activity, id, now));
                _encoder.Add(activity, id, now);
            }
        }

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            if (_snapshots.Count == 0)
            {
                return;
            }

            store.Turns.Enqueue(EncodedTurnComparison.Of(channelId, conversationId, _snapshots, _encoder));
            await store.AppendAsync(channelId, conversationId, _snapshots, cancellationToken);
        }
    }
}
