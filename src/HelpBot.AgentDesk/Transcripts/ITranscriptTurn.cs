using Microsoft.Bot.Schema;

namespace HelpBot.AgentDesk.Transcripts;

/// <summary>
/// One turn of a conversation's transcript being recorded (from <see cref="ITranscriptStore.BeginTurn"/>): each
/// activity is taken as it is when recorded (later changes to the object do not reach the transcript), and the turn
/// is stored by <see cref="CommitAsync"/>. Activities may be recorded from several threads (sends can overlap).
/// </summary>
public interface ITranscriptTurn
{
    /// <summary>How many activities have been recorded.</summary>
    int Count { get; }

    /// <summary>
    /// Records the turn's next activity: first the one the turn received, then each one sent. <paramref name="id"/>
    /// replaces its id (the id the channel gave a sent activity); an activity without a timestamp gets <paramref name="now"/>.
    /// Ignored once the turn is committed.
    /// </summary>
    void Record(IActivity activity, string? id, DateTimeOffset now);

    /// <summary>Appends the recorded activities to the conversation's transcript (nothing when there are none); once.</summary>
    Task CommitAsync(CancellationToken cancellationToken);
}
