namespace HelpBot.Dialogs.Engine;

public enum DialogTurnStatus
{
    /// <summary>The stack was empty: nothing handled the turn.</summary>
    Empty,

    /// <summary>The active dialog is waiting for the customer's next message.</summary>
    Waiting,

    /// <summary>The root dialog ended with a result.</summary>
    Complete,

    /// <summary>The dialogs were cancelled.</summary>
    Cancelled,
}

public enum DialogReason
{
    BeginCalled,
    ContinueCalled,
    EndCalled,
    ReplaceCalled,
    CancelCalled,
}

public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null)
{
    public static DialogTurnResult Waiting { get; } = new(DialogTurnStatus.Waiting);

    public static DialogTurnResult Empty { get; } = new(DialogTurnStatus.Empty);
}
