using System.Globalization;
using StackExchange.Redis;

namespace HelpBot.Benchmark;

/// <summary>The benchmark's own redis-server on a free loopback port: no persistence, flushed between targets.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly ConnectionMultiplexer _connection;

    private RedisServer(ChildProcess process, ConnectionMultiplexer connection, int port)
    {
        _process = process;
        _connection = connection;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public ChildProcess Process => _process;

    public static async Task<RedisServer> StartAsync(string executable)
    {
        var port = FreePort.Next();
        var process = ChildProcess.Start("redis-server", executable,
            ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"]);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                var connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},allowAdmin=true,connectTimeout=1000,abortConnect=true");
                return new RedisServer(process, connection, port);
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
            catch
            {
                var tail = process.OutputTail();
                process.Dispose();
                throw new InvalidOperationException($"redis-server did not start on port {port}:{Environment.NewLine}{tail}");
            }
        }
    }

    public async Task FlushAsync() => await Server.FlushAllDatabasesAsync();

    /// <summary>INFO memory used_memory, in bytes.</summary>
    public async Task<long> UsedMemoryAsync()
    {
        var info = await Server.InfoAsync("memory");
        var value = info.SelectMany(group => group).First(pair => pair.Key == "used_memory").Value;
        return long.Parse(value, CultureInfo.InvariantCulture);
    }

    /// <summary>The keys matching <paramref name="pattern"/> and the sum of their MEMORY USAGE (all samples).</summary>
    /// <summary>
    /// MEMORY USAGE of every key matching <paramref name="pattern"/>, summed per conversation: a conversation's keys
    /// (its state, its transcript, ...) all end with its id after the last '/' or ':'.
    /// </summary>
    public async Task<(int Keys, IReadOnlyDictionary<string, long> BytesByConversation)> MemoryUsageAsync(string pattern)
    {
        var database = _connection.GetDatabase();
        var keys = 0;
        var byConversation = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var key in Server.KeysAsync(pattern: pattern, pageSize: 1000))
        {
            var usage = await database.ExecuteAsync("MEMORY", "USAGE", key, "SAMPLES", "0");
            keys++;
            var name = key.ToString();
            var conversation = name[(name.LastIndexOfAny(['/', ':']) + 1)..];
            byConversation[conversation] = byConversation.GetValueOrDefault(conversation) + (long)usage;
        }

        return (keys, byConversation);
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.CloseAsync();
        _connection.Dispose();
        _process.Dispose();
    }

    private IServer Server => _connection.GetServer("127.0.0.1", Port);
}
