using HelpBot.AgentDesk.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HelpBot.AgentDesk.Transcripts;

/// <summary>
/// Every conversation's activities in IStorage, appended with ETag checks (several instances may log the same
/// conversation), and exported as a Bot Framework <c>.transcript</c> file: a JSON array of activities, which the Bot
/// Framework Emulator opens.
/// </summary>
public sealed class TranscriptStore
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        NullValueHandling = NullValueHandling.Ignore,
        TypeNameHandling = TypeNameHandling.None,
    });

    private readonly IStorage _storage;
    private readonly int _maxActivities;

    public TranscriptStore(IStorage storage, IOptions<AgentDeskOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _storage = storage;
        _maxActivities = Math.Max(1, options.Value.MaxTranscriptActivities);
    }

    public static string KeyFor(string channelId, string conversationId) => $"transcripts/{channelId}/{conversationId}";

    /// <summary>Snapshots an activity as it will be stored (later changes to the object do not reach the transcript).</summary>
    public static JObject Snapshot(IActivity activity) => JObject.FromObject(activity ?? throw new ArgumentNullException(nameof(activity)), Serializer);

    public Task AppendAsync(IActivity activity, CancellationToken cancellationToken) =>
        AppendAsync(activity.ChannelId ?? "unknown", activity.Conversation?.Id ?? "unknown", [Snapshot(activity)], cancellationToken);

    /// <summary>Appends a turn's activities in one ETag-checked write (retried when another instance wrote first).</summary>
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

    /// <summary>The activities in time order (the order of logging when times are equal).</summary>
    public async Task<IReadOnlyList<JObject>> ReadAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        var item = await StorageItems.ReadAsync<TranscriptItem>(_storage, KeyFor(channelId, conversationId), cancellationToken);
        return [.. (item?.Activities ?? []).Select((a, i) => (a, i)).OrderBy(x => (DateTimeOffset?)x.a["timestamp"] ?? DateTimeOffset.MinValue).ThenBy(x => x.i).Select(x => x.a)];
    }

    /// <summary>The <c>.transcript</c> file's text: a JSON array of activities.</summary>
    public async Task<string> ExportAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        new JArray(await ReadAsync(channelId, conversationId, cancellationToken)).ToString(Formatting.Indented);
}
