using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace HelpBot.AgentDesk.Transcripts;

/// <summary>
/// Records every activity through <see cref="TranscriptStore"/>. The write completes before the returned task does
/// (nothing is left running in the background), and appends to one conversation are serialised in this process and
/// ETag-checked across processes, so no activity is lost when the middleware logs several at once. A failure is
/// logged here: the SDK middleware would only write it to System.Diagnostics.Trace.
/// </summary>
public sealed class StorageTranscriptLogger : ITranscriptLogger
{
    private readonly TranscriptStore _store;
    private readonly ILogger<StorageTranscriptLogger> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public StorageTranscriptLogger(TranscriptStore store, ILogger<StorageTranscriptLogger> logger)
    {
        _store = store;
        _logger = logger;
    }

    public async Task LogActivityAsync(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!ShouldRecord(activity))
        {
            return;
        }

        // One append at a time keeps the order and avoids pointless ETag retries between turns of this process.
        await _gate.WaitAsync();
        try
        {
            await _store.AppendAsync(activity, CancellationToken.None);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Could not record an activity of conversation {ConversationId} in its transcript", activity.Conversation?.Id);
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Typing indicators and the SDK's internal continuation events carry nothing for a reader.</summary>
    private static bool ShouldRecord(IActivity activity) =>
        activity.Type != ActivityTypes.Typing
        && !(activity.Type == ActivityTypes.Event && activity is IEventActivity { Name: ActivityEventNames.ContinueConversation })
        && activity.Conversation?.Id is not null;
}
