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

    private readonly PlatformIncidents _incidents;
    private readonly TimeProvider _time;

    public AppUnavailableDialog(PlatformIncidents incidents, TimeProvider time)
        : base(DialogId)
    {
        _incidents = incidents;
        _time = time;
        AddStep(CheckStatusAsync);
        AddStep((step, ct) => OrderSteps.WrapUpAsync(step, CaseRoutes.Platform, ct));
    }

    private async Task<DialogTurnResult> CheckStatusAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Context.Turn();
        var now = _time.GetUtcNow();
        var file = CaseFiles.Open(turn, Intents.AppUnavailable, now);

        var incidents = await _incidents.InAsync(CustomerFacing, cancellationToken);
        if (incidents is not null)
        {
            file.Record(new CaseCheck("platform_status", incidents.Count == 0 ? CheckResults.Ok : CheckResults.Problem, CheckSources.PlatformStatus, now, string.Join(",", incidents.Select(i => i.Id))));
        }
        else
        {
            // The status page itself does not answer: that is a strong sign of a platform-wide problem.
            file.AddFinding("platform_status_unreachable");
            await step.Context.SendActivityAsync(turn.Text(nameof(Strings.AppDown_StatusUnknown)), cancellationToken: cancellationToken);
            return await step.NextAsync(null, cancellationToken);
        }

        if (incidents.Count > 0)
        {
            file.AddFinding("platform_incident");
            foreach (var incident in incidents)
            {
                await step.Context.SendActivityAsync(_incidents.Describe(turn, incident), cancellationToken: cancellationToken);
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
}
