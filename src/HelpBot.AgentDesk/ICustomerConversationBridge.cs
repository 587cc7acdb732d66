using HelpBot.AgentDesk.Cases;

namespace HelpBot.AgentDesk;

/// <summary>
/// The way from the desk into the customer's conversation (proactive messages in the customer's language). The
/// conversation layer implements it, because it owns the wording and the conversation's state.
/// </summary>
public interface ICustomerConversationBridge
{
    /// <summary>Tells the customer that a person has the case now; their messages go to that person from here on.</summary>
    Task AnnounceClaimAsync(EscalationCase escalation, CancellationToken cancellationToken);

    /// <summary>Delivers an agent's reply into the customer's conversation.</summary>
    Task SendAgentMessageAsync(EscalationCase escalation, string agentName, string text, CancellationToken cancellationToken);

    /// <summary>The case is closed: tell the customer, ask for a rating, and give the conversation back to the bot.</summary>
    Task HandBackAsync(EscalationCase escalation, CancellationToken cancellationToken);
}
