using HelpBot.AgentDesk.Transcripts;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace HelpBot.Benchmark.Micro;

/// <summary>
/// Keeps every activity the transcript middleware records (the objects themselves, with the id and time it records
/// them with), so that a benchmark can encode a real turn from its activities; the turns are stored in the inner store.
/// </summary>
public sealed class RecordingTranscriptStore(ITranscriptStore inner) : ITranscriptStore
{
    public List<(IActivity Activity, string? Id, DateTimeOffset Now)> Recorded { get; } = [];

    public Task AppendAsync(string channelId, string conversationId, IReadOnlyList<JObject> activities, CancellationToken cancellationToken) =>
        inner.AppendAsync(channelId, conversationId, activities, cancellationToken);

    public ITranscriptTurn BeginTurn(string channelId, string conversationId) => new Turn(this, inner.BeginTurn(channelId, conversationId));

    public Task<IReadOnlyList<JObject>> ReadAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        inner.ReadAsync(channelId, conversationId, cancellationToken);

    public Task<string> ExportAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        inner.ExportAsync(channelId, conversationId, cancellationToken);

    private sealed class Turn(RecordingTranscriptStore store, ITranscriptTurn inner) : ITranscriptTurn
    {
        public int Count => inner.Count;

        public void Record(IActivity activity, string? id, DateTimeOffset now)
        {
            lock (store.Recorded)
            {
                store.Recorded.Add((activity, id, now));
            }

            inner.Record(activity, id, now);
        }

        public Task CommitAsync(CancellationToken cancellationToken) => inner.CommitAsync(cancellationToken);
    }
}
