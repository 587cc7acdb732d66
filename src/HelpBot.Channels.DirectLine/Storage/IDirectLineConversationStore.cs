using Microsoft.Bot.Schema;

namespace HelpBot.Channels.DirectLine.Storage;

/// <summary>
/// Conversations and their activity logs. The in-memory implementation serves the single-instance default; a
/// shared store (e.g. Redis) behind this interface would let several instances serve the same conversations.
/// </summary>
public interface IDirectLineConversationStore
{
    /// <summary>Returns the conversation with this id, creating it for <paramref name="userId"/> when unknown.</summary>
    ValueTask<ConversationStart> GetOrCreateAsync(string conversationId, string userId, CancellationToken cancellationToken);

    ValueTask<DirectLineConversation?> FindAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Appends an activity: assigns its id ("{conversationId}|{sequence}") and the next watermark, then stores it.
    /// Returns null when the conversation is unknown (never started, or evicted).
    /// </summary>
    ValueTask<StoredActivity?> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary>Activities with a sequence above <paramref name="watermark"/>; null when the conversation is unknown.</summary>
    ValueTask<ActivityPage?> GetActivitiesAsync(string conversationId, long watermark, CancellationToken cancellationToken);
}
