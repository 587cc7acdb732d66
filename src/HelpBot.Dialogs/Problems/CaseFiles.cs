using HelpBot.AgentDesk.Cases;
using HelpBot.Dialogs.Turns;


namespace HelpBot.Dialogs.Problems;

/// <summary>Opens and updates the conversation's one case file.</summary>
public static class CaseFiles
{
    /// <summary>The case file for a problem flow that is starting: created once per conversation, then re-aimed.</summary>
    public static CaseFile Open(TurnInfo turn, string problemType, DateTimeOffset now)
    {
        var file = turn.Data.Case ??= new CaseFile { OpenedAt = now };
        file.ProblemType = problemType;
        file.Solved = null;
        return file;
    }

    public static CaseFile Current(TurnInfo turn) =>
        turn.Data.Case ?? throw new InvalidOperationException("No case file is open in this conversation.");
}
