using HelpBot.Storage.Redis.Health;
using HelpBot.Storage.Redis.Locking;
using HelpBot.Storage.Redis.Options;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using StackExchange.Redis;

namespace HelpBot.Storage.Redis.DependencyInjection;

public static class RedisStorageServiceCollectionExtensions
{
    /// <summary>Name of the readiness health check.</summary>
    public const string HealthCheckName = "redis";

    /// <summary>Tag of the health check, for a readiness endpoint that filters by tag.</summary>
    public const string ReadinessTag = "ready";

    /// <summary>
    /// <see cref="IStorage"/> = <see cref="RedisStorage"/> when <c>ConnectionStrings:Redis</c> is set, otherwise Bot
    /// Framework's <see cref="MemoryStorage"/> (one process only; state is lost on restart).
    /// </summary>
    public static IServiceCollection AddBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!string.IsNullOrWhiteSpace(configuration.GetConnectionString(RedisStorageOptions.ConnectionStringName)))
        {
            return services.AddRedisStorage(configuration);
        }

        services.AddSingleton<IStorage>(_ => new MemoryStorage());
        return services;
    }

    /// <summary>
    /// Registers one shared <see cref="IConnectionMultiplexer"/> (created on first use, tolerant of Redis being
    /// down), <see cref="IStorage"/> = <see cref="RedisStorage"/>, options from section <c>Redis</c> and the
    /// <c>redis</c> health check (tag <c>ready</c>) and the cross-instance <see cref="RedisKeyLock"/>. Requires <c>ConnectionStrings:Redis</c>.
    /// </summary>
    /// <param name="jsonSerializer">Optional serializer, e.g. with an AllowedTypesSerializationBinder; by default
    /// the same settings as MemoryStorage.</param>
    /// <param name="itemTypes">Optional item types read and written without a JObject in between (see <see cref="RedisItemTypes"/>).</param>
    public static IServiceCollection AddRedisStorage(
        this IServiceCollection services,
        IConfiguration configuration,
        JsonSerializer? jsonSerializer = null,
        RedisItemTypes? itemTypes = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration.GetConnectionString(RedisStorageOptions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Redis storage needs the connection string ConnectionStrings:{RedisStorageOptions.ConnectionStringName} (e.g. \"localhost:6379\").");
        }

        services.AddOptions<RedisStorageOptions>()
            .Bind(configuration.GetSection(RedisStorageOptions.SectionName))
            .Validate(options => options.KeyPrefix is not null, "Redis:KeyPrefix must not be null.")
            .Validate(options => options.OperationTimeout > TimeSpan.Zero, "Redis:OperationTimeout must be positive.")
            .Validate(options => options.ConnectTimeout > TimeSpan.Zero, "Redis:ConnectTimeout must be positive.")
            .Validate(options => options.TurnLockLease > TimeSpan.FromSeconds(1), "Redis:TurnLockLease must be longer than one second.")
            .Validate(options => options.TurnLockWaitLimit >= TimeSpan.Zero, "Redis:TurnLockWaitLimit must not be negative.")
            .Validate(options => options.ConversationStateTtl >= TimeSpan.Zero, "Redis:ConversationStateTtl must not be negative.")
            .Validate(
                options => options.RetentionRules.All(rule => !string.IsNullOrEmpty(rule.KeyPrefix) && rule.Ttl >= TimeSpan.Zero),
                "Each Redis:RetentionRules entry needs a KeyPrefix and a non-negative Ttl.")
            .ValidateOnStart();

        services.AddSingleton<IConnectionMultiplexer>(provider => RedisConnectionFactory.Connect(
            connectionString,
            provider.GetRequiredService<IOptions<RedisStorageOptions>>().Value,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RedisConnectionFactory).FullName!)));
        services.AddSingleton(provider => new RedisStorage(
            provider.GetRequiredService<IConnectionMultiplexer>(),
            provider.GetRequiredService<IOptions<RedisStorageOptions>>(),
            provider.GetRequiredService<ILogger<RedisStorage>>(),
            jsonSerializer,
            itemTypes));
        services.AddSingleton<IStorage>(provider => provider.GetRequiredService<RedisStorage>());
        // Per-key turn lock across instances (see RedisKeyLock); the host puts it behind IConversationTurnLock.
        services.AddSingleton<RedisKeyLock>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>(HealthCheckName, tags: [ReadinessTag]);
        return services;
    }
}
