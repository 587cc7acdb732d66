using HelpBot.AgentDesk.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace HelpBot.AgentDesk.Transcripts;

/// <summary>
/// Every conversation's activities as one IStorage item, <c>transcripts/{channelId}/{conversationId}</c>, appended
/// with ETag checks (several writers may log the same conversation). Used with MemoryStorage (no Redis); every append
/// reads and rewrites the whole item, which is why Redis deployments use <see cref="Redis.RedisTranscriptStore"/>, which
/// still reads items of this format written before it. At most <see cref="AgentDeskOptions.MaxTranscriptActivities"/>
/// activities are kept (the oldest are dropped).
/// </summary>
public sealed class StorageTranscriptStore : ITranscriptStore
{
    private readonly IStorage _storage;
    private readonly int _maxActivities;

    public StorageTranscriptStore(IStorage storage, IOptions<AgentDeskOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _storage = storage;
        _maxActivities = Math.Max(1, options.Value.MaxTranscriptActivities);
    }

    /// <summary>The IStorage key of a conversation's transcript item.</summary>
    public static string KeyFor(string channelId, string conversationId) => $"transcripts/{channelId}/{conversationId}";

    /// <summary>Appends a turn's activities in one ETag-checked write (retried when another writer got there first).</summary>
    public async Task AppendAsync(string channelId, string conversationId, IReadOnlyList<JObject> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        if (activities.Count == 0)
        {
            return;
        }

        await StorageItems.UpdateAsync<TranscriptItem>(
            _storage,
            KeyFor(channelId, conversationId),
            item =>
            {
                item ??= new TranscriptItem();
                item.Activities.AddRange(activities);
                var excess = item.Activities.Count - _maxActivities;
                if (excess > 0)
                {
                    item.Activities.RemoveRange(0, excess);
                    item.Dropped += excess;
                }

                return item;
            },
            cancellationToken);
    }

    /// <summary>A turn recorded as activity snapshots, appended as <see cref="AppendAsync"/> does.</summary>
    public ITranscriptTurn BeginTurn(string channelId, string conversationId) => new SnapshotTranscriptTurn(this, channelId, conversationId);

    public async Task<IReadOnlyList<JObject>> ReadAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        var item = await StorageItems.ReadAsync<TranscriptItem>(_storage, KeyFor(channelId, conversationId), cancellationToken);
        return TranscriptActivities.InTimeOrder(item?.Activities ?? []);
    }

    public async Task<string> ExportAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        TranscriptActivities.ToTranscriptFile(await ReadAsync(channelId, conversationId, cancellationToken));
}
