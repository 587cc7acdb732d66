using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace HelpBot.Dialogs.Turns;

/// <summary>
/// Loads and saves <see cref="ConversationData"/> through any IStorage (memory or Redis) with optimistic concurrency:
/// a save carries the ETag that was read, so a concurrent save of the same conversation is detected, not overwritten.
/// </summary>
public sealed class ConversationStateStore
{
    private readonly IStorage _storage;

    public ConversationStateStore(IStorage storage)
    {
        _storage = storage ?? throw new ArgumentNullException(nameof(storage));
    }

    public static string KeyFor(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var channel = activity.ChannelId ?? "unknown";
        var conversation = activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation id.", nameof(activity));
        return $"{channel}/conversations/{conversation}";
    }

    public async Task<ConversationData> LoadAsync(string key, CancellationToken cancellationToken)
    {
        var items = await _storage.ReadAsync([key], cancellationToken);
        if (!items.TryGetValue(key, out var item) || item is null)
        {
            return new ConversationData();
        }

        return item switch
        {
            ConversationData data => data,
            JObject json => json.ToObject<ConversationData>() ?? new ConversationData(),
            _ => JObject.FromObject(item).ToObject<ConversationData>() ?? new ConversationData(),
        };
    }

    public Task SaveAsync(string key, ConversationData data, CancellationToken cancellationToken) =>
        _storage.WriteAsync(new Dictionary<string, object> { [key] = data }, cancellationToken);

    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        _storage.DeleteAsync([key], cancellationToken);
}
