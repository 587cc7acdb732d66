using HelpBot.AgentDesk.Evidence;
using HelpBot.AgentDesk.Notifications;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpBot.AgentDesk.Cases;

/// <summary>
/// What happens to a case: opened by the bot (and announced to the agents), claimed, answered and closed by an agent,
/// and what the customer writes while an agent holds it. Only the cases: telling the customer is the desk endpoints'
/// part (see <see cref="Api.AgentDeskEndpoints"/>), as proactive messages are sent from the API layer.
/// </summary>
public sealed class AgentDeskService
{
    private readonly CaseStore _cases;
    private readonly AttachmentStore _attachments;
    private readonly INewCaseNotifier _notifier;
    private readonly IServer? _server;
    private readonly TimeProvider _time;
    private readonly AgentDeskOptions _options;
    private readonly ILogger<AgentDeskService> _logger;

    public AgentDeskService(
        CaseStore cases,
        AttachmentStore attachments,
        INewCaseNotifier notifier,
        TimeProvider time,
        IOptions<AgentDeskOptions> options,
        ILogger<AgentDeskService> logger,
        IServer? server = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _cases = cases;
        _attachments = attachments;
        _notifier = notifier;
        _server = server;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    public CaseStore Cases => _cases;

    public int MaxAttachmentsPerCase => _options.MaxAttachmentsPerCase;

    public AttachmentStore Attachments => _attachments;

    /// <summary>Stores the case, queues it and tells the agents. A failed notification does not fail the case.</summary>
    public async Task<EscalationCase> OpenAsync(EscalationCase escalation, CancellationToken cancellationToken)
    {
        var stored = await _cases.OpenAsync(escalation, cancellationToken);
        try
        {
            await _notifier.NotifyAsync(stored, DeskLink(stored.Id), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning(ex, "Could not notify the agents of case {CaseId}", stored.Id);
        }

        return stored;
    }

    public async Task<DeskOutcome> ClaimAsync(string caseId, string agent, CancellationToken cancellationToken)
    {
        var error = DeskError.None;
        var (escalation, changed) = await _cases.UpdateAsync(caseId, c =>
        {
            error = c.Status switch
            {
                CaseStatus.Closed => DeskError.Closed,
                CaseStatus.Claimed when c.ClaimedBy != agent => DeskError.ClaimedByOther,
                _ => DeskError.None,
            };
            if (error != DeskError.None || c.Status == CaseStatus.Claimed)
            {
                return false;
            }

            c.Status = CaseStatus.Claimed;
            c.ClaimedBy = agent;
            c.ClaimedAt = _time.GetUtcNow();
            return true;
        }, cancellationToken);

        return escalation is null ? new(null, DeskError.NotFound) : new(escalation, error, changed);
    }

    /// <summary>
    /// Whether an agent may reply now (the case is claimed), and the case to reply on. The caller delivers the reply and
    /// records it with <see cref="RecordAgentReplyAsync"/>: only a delivered reply is recorded on the case.
    /// </summary>
    public async Task<DeskOutcome> ReplyableAsync(string caseId, CancellationToken cancellationToken)
    {
        var escalation = await _cases.GetAsync(caseId, cancellationToken);
        if (escalation is null)
        {
            return new(null, DeskError.NotFound);
        }

        if (escalation.Status != CaseStatus.Claimed)
        {
            return new(escalation, escalation.Status == CaseStatus.Closed ? DeskError.Closed : DeskError.NotClaimed);
        }

        return new(escalation, DeskError.None);
    }

    /// <summary>An agent's reply that reached the customer, kept on the case.</summary>
    public async Task<DeskOutcome> RecordAgentReplyAsync(string caseId, string agent, string text, CancellationToken cancellationToken)
    {
        var message = new CaseMessage("agent", text, _time.GetUtcNow(), agent);
        var (updated, _) = await _cases.UpdateAsync(caseId, c =>
        {
            c.Messages.Add(message);
            return true;
        }, cancellationToken);
        return new(updated, DeskError.None);
    }

    public async Task<DeskOutcome> CloseAsync(string caseId, string agent, string resolution, string? note, CancellationToken cancellationToken)
    {
        var error = DeskError.None;
        var (escalation, changed) = await _cases.UpdateAsync(caseId, c =>
        {
            if (c.Status == CaseStatus.Closed)
            {
                error = DeskError.Closed;
                return false;
            }

            c.Status = CaseStatus.Closed;
            c.ClosedAt = _time.GetUtcNow();
            c.ClaimedBy ??= agent;
            c.Resolution = resolution;
            c.ResolutionNote = note;
            return true;
        }, cancellationToken);

        return escalation is null ? new(null, DeskError.NotFound) : new(escalation, error, changed);
    }

    /// <summary>A customer's message while an agent holds the case: kept on the case for the desk.</summary>
    public async Task<EscalationCase?> RecordCustomerMessageAsync(string caseId, string text, IReadOnlyList<CaseAttachment> attachments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        var message = new CaseMessage("customer", text, _time.GetUtcNow(), AttachmentIds: attachments.Count == 0 ? null : [.. attachments.Select(a => a.Id)]);
        var (escalation, _) = await _cases.UpdateAsync(caseId, c =>
        {
            c.Messages.Add(message);
            c.Attachments.AddRange(attachments);
            return true;
        }, cancellationToken);
        return escalation;
    }

    public Task RateAsync(string caseId, int rating, CancellationToken cancellationToken) =>
        _cases.UpdateAsync(caseId, c =>
        {
            c.Rating = rating;
            return true;
        }, cancellationToken);

    /// <summary>The case on the desk: AgentDesk:PublicBaseUrl, else this host's first listening address.</summary>
    public Uri DeskLink(string caseId)
    {
        var baseUrl = _options.PublicBaseUrl
            ?? _server?.Features.Get<IServerAddressesFeature>()?.Addresses.Select(a => Uri.TryCreate(a.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal), UriKind.Absolute, out var u) ? u : null).FirstOrDefault(u => u is not null)
            ?? new Uri("http://localhost:3978/");
        return new Uri(baseUrl, "agent#case=" + Uri.EscapeDataString(caseId));
    }
}
