using Newtonsoft.Json.Linq;

namespace HelpBot.AgentDesk.Transcripts;

/// <summary>
/// Every conversation's transcript: the activities of each turn, appended when the turn ends, read back in time order
/// and exported as a Bot Framework <c>.transcript</c> file. <see cref="StorageTranscriptStore"/> keeps it in IStorage
/// (MemoryStorage, one process); <see cref="Redis.RedisTranscriptStore"/> keeps one compact Redis list per conversation.
/// </summary>
public interface ITranscriptStore
{
    /// <summary>
    /// Appends one turn's activities (snapshots from <see cref="TranscriptActivities.Snapshot"/>), in the order they
    /// happened. Several instances may append to the same conversation at once; no turn is lost.
    /// </summary>
    Task AppendAsync(string channelId, string conversationId, IReadOnlyList<JObject> activities, CancellationToken cancellationToken);

    /// <summary>
    /// Starts recording one turn of a conversation, stored when it is committed: the per-turn transcript middleware
    /// records through this, so each store takes the activities in the form it keeps (as activity snapshots, see <see cref="SnapshotTranscriptTurn"/>).
    /// </summary>
    ITranscriptTurn BeginTurn(string channelId, string conversationId);

    /// <summary>The conversation's activities in time order (the order of recording when times are equal); empty when there are none.</summary>
    Task<IReadOnlyList<JObject>> ReadAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>The <c>.transcript</c> file's text: a JSON array of activities, which the Bot Framework Emulator opens.</summary>
    Task<string> ExportAsync(string channelId, string conversationId, CancellationToken cancellationToken);
}
