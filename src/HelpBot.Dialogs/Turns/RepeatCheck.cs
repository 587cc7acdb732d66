using HelpBot.Dialogs.Conversation;
using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Escalation;

namespace HelpBot.Dialogs.Turns;

/// <summary>
/// Tells a double tap or a resend from a second message. The same text within <see cref="Window"/> is a repeat when
/// (a) the first was the answer to a waiting question that is now settled (a confirmation tapped twice), (b) the
/// first started what still waits, unchanged, and the text is a request rather than an answer to it (the same
/// complaint, "human please" twice), or (c) the first was a request answered in full with nothing left waiting (a status
/// question sent twice). It is not a repeat when the first got nowhere (the platform was down, so the
/// resend must be answered), when the waiting question takes it ("没有" to the next question), when the question takes
/// typed text (a second try of the same code), or for the bare commands and pictures.
/// </summary>
public sealed class RepeatCheck
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(4);

    // Longer messages are not double taps worth remembering, and the state stays small.
    private const int MaxRememberedLength = 200;

    private readonly string _text;
    private readonly DateTimeOffset _at;
    private readonly bool _answered;
    private readonly DialogContext _dc;

    /// <summary>What <see cref="ConversationData.LastMessageLeft"/> holds after a request that was answered in full and left nothing waiting.</summary>
    private const string Served = "(served)";

    private RepeatCheck(DialogContext dc, string text, DateTimeOffset at, bool answered, bool isRepeat)
    {
        _dc = dc;
        _text = text;
        _at = at;
        _answered = answered;
        IsRepeat = isRepeat;
    }

    public bool IsRepeat { get; }

    public static async Task<RepeatCheck> OfAsync(
        DialogContext dc,
        TurnInfo turn,
        DateTimeOffset now,
        Func<string?, string, CancellationToken, Task<bool>> isRequest,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(isRequest);
        var activity = dc.Context.Activity;
        var text = TextInput.NormalizeAnswer(activity.Text);
        var answered = await dc.ActivePromptRecognizesAsync(cancellationToken);
        var data = turn.Data;
        var candidate = text.Length > 0
            && !EvidenceCollector.HasAttachments(activity)
            && string.Equals(data.LastMessage, text, StringComparison.Ordinal)
            && data.LastMessageAt is { } at && now - at >= TimeSpan.Zero && now - at < Window
            && !GlobalCommands.IsExactCommand(text)
            && !answered
            && !(dc.ActiveDialog is { } active && dc.Dialogs.Find(active.Id) is IAnswerPrompt { TakesAnyText: true });
        var repeat = candidate
            && ((data.LastMessageAnswered && dc.ActiveDialog is null)
                || (data.LastMessageLeft == (dc.ActiveDialog is null ? Served : StackShape(data))
                    && await isRequest(activity.Text, turn.Language, cancellationToken)));
        return new RepeatCheck(dc, text, now, answered, repeat);
    }

    /// <summary>After the turn: what the next message is compared with (a repeat keeps the first's record).</summary>
    public void Remember(TurnInfo turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var data = turn.Data;
        if (IsRepeat)
        {
            return;
        }

        data.LastMessage = _text.Length is > 0 and <= MaxRememberedLength ? _text : null;
        data.LastMessageAt = data.LastMessage is null ? null : _at;
        data.LastMessageAnswered = data.LastMessage is not null && _answered;
        data.LastMessageLeft = data.LastMessage is null ? null
            : _dc.ActiveDialog is not null ? StackShape(data)
            : turn.PlatformFailed ? null
            : Served;
    }

    private static string StackShape(ConversationData data) => string.Join('/', data.DialogStack.Select(d => d.Id));
}
