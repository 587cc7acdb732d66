using HelpBot.AgentDesk.Cases;

namespace HelpBot.AgentDesk.Notifications;

/// <summary>Tells the agents that a case is waiting, with a link to it on the desk.</summary>
public interface INewCaseNotifier
{
    Task NotifyAsync(EscalationCase escalation, Uri deskLink, CancellationToken cancellationToken);
}
