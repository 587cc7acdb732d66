using System.Globalization;
using HelpBot.Storage.Redis.Errors;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace HelpBot.Storage.Redis.Health;

/// <summary>Readiness: the shared connection is up and Redis answers PING.</summary>
public sealed class RedisHealthCheck : IHealthCheck
{
    private readonly IConnectionMultiplexer _connection;

    public RedisHealthCheck(IConnectionMultiplexer connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_connection.IsConnected)
        {
            // No PING: it would only wait in the reconnect backlog until the operation timeout.
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis is not connected; reconnecting in the background.");
        }

        try
        {
            var latency = await _connection.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"Redis PING {latency.TotalMilliseconds:F1} ms."));
        }
        catch (Exception exception) when (RedisStorageException.IsRedisFailure(exception))
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis PING failed.", exception);
        }
    }
}
