namespace HelpBot.Soak;

public enum TurnOutcome
{
    /// <summary>An ordinary answer.</summary>
    Answered,

    /// <summary>The apology for a failed turn or an unreachable platform: expected during outages only.</summary>
    Apology,

    /// <summary>No reply at all (an HTTP error, a timeout or an empty answer): never acceptable.</summary>
    Lost,
}

public sealed record TurnRecord(TimeSpan At, TurnOutcome Outcome, string Detail);
