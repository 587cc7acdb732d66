using HelpBot.AgentDesk.Cases;
using Microsoft.Extensions.Logging;

namespace HelpBot.AgentDesk.Notifications;

/// <summary>The default without AgentDesk:TeamsWebhookUrl: a log line per new case.</summary>
public sealed class LoggingNewCaseNotifier(ILogger<LoggingNewCaseNotifier> logger) : INewCaseNotifier
{
    public Task NotifyAsync(EscalationCase escalation, Uri deskLink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        logger.LogInformation(
            "New case {CaseId} waiting: {ProblemType}, order {OrderNumber}, language {Language}. Desk: {DeskLink}",
            escalation.Id, escalation.ProblemType, escalation.OrderNumber ?? "-", escalation.Language, deskLink);
        return Task.CompletedTask;
    }
}
