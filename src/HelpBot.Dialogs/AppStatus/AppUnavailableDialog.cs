using HelpBot.AgentDesk.Cases;
using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Orders;
using HelpBot.Dialogs.Problems;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Turns;
using HelpBot.Platform.Apis;
using HelpBot.Platform.Errors;
using HelpBot.Platform.Models;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace HelpBot.Dialogs.AppStatus;

/// <summary>
/// 完全瘫痪: the app is down or shows errors. Checks the platform's status first. During an incident the bot says so
/// (which part, since when, the platform's message) and what is safe to do (wait; do not retry payments; the order is
/// kept), and skips self-checks that cannot help. Without one: network, app version (from the app's client info when
/// it sends it) and a proper restart.
/// </summary>
public sealed class AppUnavailableDialog : WaterfallDialog
{
    public const string DialogId = "appUnavailable";

    /// <summary>Incidents in these components are what a customer experiences as "the app is down".</summary>
    private static readonly string[] CustomerFacing = [PlatformComponents.App, PlatformComponents.Ordering, PlatformComponents.Payment, PlatformComponents.Delivery];

    private readonly IPlatformStatusApi _status;
    private readonly TimeProvider _time;
    private readonly OrderStatusPresenter _presenter;
    private readonly ILogger<AppUnavailableDialog> _logger;

    public AppUnavailableDialog(IPlatformStatusApi status, TimeProvider time, OrderStatusPresenter presenter, ILogger<AppUnavailableDialog> logger)
        : base(DialogId)
    {
        _status = status;
        _time = time;
        _presenter = presenter;
        _logger = logger;
        AddStep(CheckStatusAsync);
        AddStep((step, ct) => OrderSteps.WrapUpAsync(step, CaseRoutes.Platform, ct));
    }

    private async Task<DialogTurnResult> CheckStatusAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Context.Turn();
        var now = _time.GetUtcNow();
        var file = CaseFiles.Open(turn, Intents.AppUnavailable, now);

        IReadOnlyList<Incident> incidents = [];
        try
        {
            incidents = [.. (await _status.GetStatusAsync(cancellationToken)).Incidents.Where(i => CustomerFacing.Contains(i.Component))];
            file.Record(new CaseCheck("platform_status", incidents.Count == 0 ? CheckResults.Ok : CheckResults.Problem, CheckSources.PlatformStatus, now, string.Join(",", incidents.Select(i => i.Id))));
        }
        catch (Exception ex) when (ex is PlatformApiException or PlatformUnavailableException)
        {
            // The status page itself does not answer: that is a strong sign of a platform-wide problem.
            _logger.LogWarning(ex, "Platform status unavailable");
            file.AddFinding("platform_status_unreachable");
            await step.Context.SendActivityAsync(turn.Text(nameof(Strings.AppDown_StatusUnknown)), cancellationToken: cancellationToken);
            return await step.NextAsync(null, cancellationToken);
        }

        if (incidents.Count > 0)
        {
            file.AddFinding("platform_incident");
            foreach (var incident in incidents)
            {
                var message = incident.Messages.GetValueOrDefault(turn.Language) ?? incident.Messages.Values.FirstOrDefault() ?? string.Empty;
                await step.Context.SendActivityAsync(
                    turn.Format(nameof(Strings.AppDown_Incident), Component(turn, incident.Component), _presenter.Clock(incident.Since, now, turn.Culture), message),
                    cancellationToken: cancellationToken);
            }

            await step.Context.SendActivityAsync(turn.Text(nameof(Strings.AppDown_IncidentSafe)), cancellationToken: cancellationToken);
            return await step.NextAsync(null, cancellationToken);
        }

        file.AddFinding("no_platform_incident");
        await step.Context.SendActivityAsync(turn.Text(nameof(Strings.AppDown_NoIncident)), cancellationToken: cancellationToken);
        return await step.BeginDialogAsync(
            SelfCheckDialog.DialogId,
            new SelfCheckOptions([CheckNames.Network, CheckNames.AppVersion, CheckNames.AppRestart], step.GetOptions<TroubleshootingOptions>()?.CustomerText),
            cancellationToken);
    }

    private static string Component(TurnInfo turn, string component) => turn.Text(component switch
    {
        PlatformComponents.Payment => nameof(Strings.Component_Payment),
        PlatformComponents.Ordering => nameof(Strings.Component_Ordering),
        PlatformComponents.Delivery => nameof(Strings.Component_Delivery),
        _ => nameof(Strings.Component_App),
    });
}
