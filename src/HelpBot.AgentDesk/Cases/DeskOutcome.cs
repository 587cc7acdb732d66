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

/// <summary>What a desk action did; <see cref="Changed"/>: the case changed, so the customer is to be told.</summary>
public sealed record DeskOutcome(EscalationCase? Case, DeskError Error, bool Changed = false)
{
    public bool Succeeded => Error == DeskError.None;
}
