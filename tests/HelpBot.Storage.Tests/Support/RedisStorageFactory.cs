using HelpBot.Storage.Redis;
using HelpBot.Storage.Redis.Options;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json;
using StackExchange.Redis;

namespace HelpBot.Storage.Tests.Support;

/// <summary>A RedisStorage on its own multiplexer (built as production builds it) with a key prefix no other test uses.</summary>
public sealed class RedisStorageFactory : IAsyncDisposable
{
    private readonly List<IConnectionMultiplexer> _connections = [];

    public RedisStorageFactory(string connectionString)
    {
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static RedisStorageOptions NewOptions() => new()
    {
        KeyPrefix = $"test-{Guid.NewGuid():N}:",
        OperationTimeout = TimeSpan.FromSeconds(2),
        ConnectTimeout = TimeSpan.FromSeconds(2),
    };

    public IConnectionMultiplexer Connect(RedisStorageOptions options)
    {
        var connection = RedisConnectionFactory.Connect(ConnectionString, options);
        _connections.Add(connection);
        return connection;
    }

    public RedisStorage Create(RedisStorageOptions? options = null, JsonSerializer? serializer = null, RedisItemTypes? itemTypes = null) =>
        Create(out _, options, serializer, itemTypes);

    public RedisStorage Create(
        out IConnectionMultiplexer connection,
        RedisStorageOptions? options = null,
        JsonSerializer? serializer = null,
        RedisItemTypes? itemTypes = null)
    {
        options ??= NewOptions();
        connection = Connect(options);
        return new RedisStorage(connection, Microsoft.Extensions.Options.Options.Create(options), NullLogger<RedisStorage>.Instance, serializer, itemTypes);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }
}
