using HelpBot.Platform.Apis;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HelpBot.Hosting;

/// <summary>
/// Reports whether the platform's status API answers. A platform outage makes the bot degraded, not unready: it can
/// still apologise, give self-checks and take escalations, so taking instances out of the load balancer would not help.
/// A slow platform is cut off by the check's registered timeout (<see cref="ReadinessOptions.PlatformCheckTimeout"/>),
/// which the health check service reports as the registered failure status, degraded.
/// </summary>
public sealed class PlatformHealthCheck(IPlatformStatusApi status) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var current = await status.GetStatusAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{current.Incidents.Count} open incident(s)");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded("The platform API does not answer", ex);
        }
    }
}
