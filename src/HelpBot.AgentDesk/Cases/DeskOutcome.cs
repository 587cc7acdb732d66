namespace HelpBot.AgentDesk.Cases;

/// <summary>Why a desk action did not happen.</summary>
public enum DeskError
{
    None,
    NotFound,
    ClaimedByOther,
    NotClaimed,
    Closed,
    DeliveryFailed,
}

public sealed record DeskOutcome(EscalationCase? Case, DeskError Error)
{
    public bool Succeeded => Error == DeskError.None;
}
