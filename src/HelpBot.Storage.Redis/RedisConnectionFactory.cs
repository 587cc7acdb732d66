using System.Globalization;
using HelpBot.Storage.Redis.Options;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace HelpBot.Storage.Redis;

/// <summary>Creates the one <see cref="IConnectionMultiplexer"/> a process shares.</summary>
public static class RedisConnectionFactory
{
    /// <summary>StackExchange.Redis options from the connection string, with HelpBot's timeouts and policies.</summary>
    public static ConfigurationOptions CreateConfiguration(string connectionString, RedisStorageOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(options);
        var configuration = ConfigurationOptions.Parse(connectionString);

        // Start (and keep serving health checks) while Redis is down; the multiplexer reconnects by itself.
        configuration.AbortOnConnectFail = false;
        configuration.AsyncTimeout = ToMilliseconds(options.OperationTimeout);
        configuration.SyncTimeout = ToMilliseconds(options.OperationTimeout);
        configuration.ConnectTimeout = ToMilliseconds(options.ConnectTimeout);
        return configuration;
    }

    /// <summary>
    /// Connects without failing when Redis is unreachable: the first attempt waits at most ConnectTimeout, then the
    /// multiplexer keeps retrying in the background and commands fail with a timeout until it is back.
    /// </summary>
    public static IConnectionMultiplexer Connect(string connectionString, RedisStorageOptions options, ILogger? logger = null)
    {
        var configuration = CreateConfiguration(connectionString, options);
        var connection = ConnectionMultiplexer.Connect(configuration);
        if (logger is not null)
        {
            connection.ConnectionFailed += (_, e) => logger.LogWarning(
                e.Exception,
                "Redis connection to {EndPoint} lost ({FailureType}); reconnecting in the background",
                e.EndPoint,
                e.FailureType);
            connection.ConnectionRestored += (_, e) => logger.LogInformation(
                "Redis connection to {EndPoint} restored",
                e.EndPoint);
        }

        return connection;
    }

    private static int ToMilliseconds(TimeSpan value) =>
        value > TimeSpan.Zero && value.TotalMilliseconds <= int.MaxValue
            ? (int)Math.Ceiling(value.TotalMilliseconds)
            : throw new ArgumentOutOfRangeException(nameof(value), value, string.Create(CultureInfo.InvariantCulture, $"A Redis timeout must be between 1 ms and {int.MaxValue} ms."));
}
