using HelpBot.Storage.Redis.Errors;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace HelpBot.AgentDesk.Transcripts;

/// <summary>
/// Records every conversation's transcript: the incoming activity and everything the bot sends in the turn, written
/// in one ETag-checked append that the turn awaits before it ends. Bot Framework 4.23's TranscriptLoggerMiddleware
/// starts its writes without awaiting them, so under load pending writes (and the activities they hold) pile up in
/// memory and a crash loses them; here the turn, and so the channel's response, waits for its transcript.
/// Typing indicators and the SDK's continuation events carry nothing for a reader and are left out. A storage failure
/// is logged and does not fail the customer's turn, which has already been answered. A turn that failed because Redis
/// did (<see cref="RedisStorageException"/>) is not recorded, so its apology does not wait for a second timeout.
/// </summary>
public sealed class PerTurnTranscriptMiddleware : IMiddleware
{
    private readonly ITranscriptStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<PerTurnTranscriptMiddleware> _logger;

    public PerTurnTranscriptMiddleware(ITranscriptStore store, TimeProvider time, ILogger<PerTurnTranscriptMiddleware> logger)
    {
        _store = store;
        _time = time;
        _logger = logger;
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var incoming = turnContext.Activity;
        if (incoming.Conversation?.Id is not { } conversationId)
        {
            await next(cancellationToken);
            return;
        }

        var turn = _store.BeginTurn(incoming.ChannelId ?? "unknown", conversationId);
        Record(turn, incoming, id: null);
        turnContext.OnSendActivities(async (_, activities, nextSend) =>
        {
            var responses = await nextSend();
            for (var i = 0; i < activities.Count; i++)
            {
                Record(turn, activities[i], i < responses.Length ? responses[i]?.Id : null);
            }

            return responses;
        });

        try
        {
            await next(cancellationToken);
        }
        catch (RedisStorageException ex)
        {
            // The turn failed because Redis is down or too slow. The append would wait for the same timeout again
            // before the error handler could send the customer's apology (about 10 s instead of 5), and fail anyway.
            _logger.LogWarning(
                "Turn of conversation {ConversationId} not recorded in its transcript: Redis failed in the turn ({Operation})",
                conversationId,
                ex.Operation);
            throw;
        }
        catch
        {
            await CommitAsync(turn, conversationId);
            throw;
        }

        await CommitAsync(turn, conversationId);
    }

    private async Task CommitAsync(ITranscriptTurn turn, string conversationId)
    {
        try
        {
            await turn.CommitAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Could not record {Count} activities of conversation {ConversationId} in its transcript", turn.Count, conversationId);
        }
    }

    // The typing indicator sends from a timer, so sends can overlap: the turn takes activities from several threads.
    private void Record(ITranscriptTurn turn, IActivity activity, string? id)
    {
        if (activity.Type == ActivityTypes.Typing
            || (activity.Type == ActivityTypes.Event && activity is IEventActivity { Name: ActivityEventNames.ContinueConversation }))
        {
            return;
        }

        // Replies often have no timestamp of their own; the transcript orders by time.
        turn.Record(activity, id, _time.GetUtcNow());
    }
}
