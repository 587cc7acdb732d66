using HelpBot.Dialogs.Conversation;
using HelpBot.Dialogs.Turns;
using HelpBot.Dialogs.Orders;
using HelpBot.Dialogs.Resources;
using HelpBot.Platform;
using HelpBot.Platform.Apis;
using HelpBot.Platform.Errors;
using HelpBot.Platform.Models;
using Microsoft.Extensions.Logging;

namespace HelpBot.Dialogs.Problems;

/// <summary>
/// The platform's known incidents, as every flow that can be explained by one reads them: the app-down flow, a failed
/// payment during a payment outage, late food during a delivery incident. A status page that does not answer is no
/// incident (the flows that need to say so ask themselves).
/// </summary>
public sealed class PlatformIncidents(IPlatformStatusApi status, OrderStatusPresenter presenter, TimeProvider time, ILogger<PlatformIncidents> logger)
{
    /// <summary>The incidents in <paramref name="components"/>; null when the status could not be read.</summary>
    public async Task<IReadOnlyList<Incident>?> InAsync(IReadOnlyCollection<string> components, CancellationToken cancellationToken)
    {
        try
        {
            return [.. (await status.GetStatusAsync(cancellationToken)).Incidents.Where(i => components.Contains(i.Component))];
        }
        catch (Exception ex) when (ex is PlatformApiException or PlatformUnavailableException)
        {
            logger.LogWarning(ex, "Platform status unavailable");
            return null;
        }
    }

    /// <summary>"支付从 19:02 起出现已知故障：…", in the customer's language.</summary>
    public string Describe(TurnInfo turn, Incident incident)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(incident);
        var message = incident.Messages.GetValueOrDefault(turn.Language) ?? incident.Messages.Values.FirstOrDefault() ?? string.Empty;
        return turn.Format(nameof(Strings.AppDown_Incident), Component(turn, incident.Component), presenter.Clock(incident.Since, time.GetUtcNow(), turn.Culture), message);
    }

    public static string Component(TurnInfo turn, string component) => turn.Text(component switch
    {
        PlatformComponents.Payment => nameof(Strings.Component_Payment),
        PlatformComponents.Ordering => nameof(Strings.Component_Ordering),
        PlatformComponents.Delivery => nameof(Strings.Component_Delivery),
        _ => nameof(Strings.Component_App),
    });
}
