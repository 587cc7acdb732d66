using System.Globalization;
using System.Net;
using HelpBot.Testing.Redis;
using StackExchange.Redis;

namespace HelpBot.Scale.Tests.Infrastructure;

/// <summary>
/// A private redis-server and <c>instanceCount</c> HelpBot processes sharing it (like replicas behind a load
/// balancer). For xunit class fixtures: derive and pick the number of instances.
/// </summary>
public abstract class BotCluster : IAsyncLifetime
{
    /// <summary>How long an instance may take to reconnect to Redis and report ready again; not a speed requirement.</summary>
    public static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(90);

    private readonly int _instanceCount;
    private readonly BotProcess?[] _instances;
    private IConnectionMultiplexer? _inspector;

    protected BotCluster(int instanceCount)
    {
        _instanceCount = instanceCount;
        _instances = new BotProcess?[instanceCount];
    }

    public RedisServerFixture Redis { get; } = new();

    public BotProcess this[int index] => _instances[index] ?? throw new InvalidOperationException($"Instance {index} is not running.");

    /// <summary>Short Redis timeouts so that outage tests do not wait long for each failure.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["ConnectionStrings:Redis"] = Redis.ConnectionString,
        ["Redis:OperationTimeout"] = "00:00:02",
        ["Redis:ConnectTimeout"] = "00:00:02",
        ["Logging:LogLevel:Default"] = "Information",
    };

    public async Task InitializeAsync()
    {
        await Redis.InitializeAsync();
        var started = await Task.WhenAll(Enumerable.Range(0, _instanceCount).Select(StartInstanceAsync));
        started.CopyTo(_instances, 0);
    }

    /// <summary>Kills instance <paramref name="index"/> (like a crash) and starts a new process in its place.</summary>
    public async Task RestartAsync(int index)
    {
        var old = _instances[index];
        _instances[index] = null;
        if (old is not null)
        {
            await old.DisposeAsync();
        }

        _instances[index] = await StartInstanceAsync(index);
    }

    /// <summary>The stored ConversationData JSON of a webchat conversation, read straight from Redis (null when absent).</summary>
    public async Task<string?> StoredConversationAsync(string conversationId)
    {
        _inspector ??= await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        var value = await _inspector.GetDatabase().HashGetAsync($"helpbot:webchat/conversations/{conversationId}", "data");
        return value.IsNull ? null : value.ToString();
    }

    /// <summary>Waits until every instance's /readyz answers 200 (after Redis came back, for instance).</summary>
    public async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + RecoveryLimit;
        for (var i = 0; i < _instanceCount; i++)
        {
            while (await this[i].ReadinessAsync() != HttpStatusCode.OK)
            {
                Assert.True(DateTime.UtcNow < deadline, $"Instance {i} did not become ready again. Output:{Environment.NewLine}{this[i].Output}");
                await Task.Delay(200);
            }
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            if (instance is not null)
            {
                await instance.DisposeAsync();
            }
        }

        if (_inspector is not null)
        {
            await _inspector.DisposeAsync();
        }

        await Redis.DisposeAsync();
    }

    private Task<BotProcess> StartInstanceAsync(int index) =>
        BotProcess.StartAsync(((char)('A' + index)).ToString(CultureInfo.InvariantCulture), Settings);
}
