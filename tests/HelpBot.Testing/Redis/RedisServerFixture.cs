using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace HelpBot.Testing.Redis;

/// <summary>
/// A real, private redis-server for one test class or collection: a free 127.0.0.1 port, a temporary directory, no
/// persistence. <see cref="StopAsync"/> and <see cref="StartAsync"/> take it down and bring it back on the same port
/// (with an empty dataset), for outage tests. Disposing kills it; if the test process itself dies, the small shell
/// wrapper notices its stdin closing and kills redis-server too, so no server outlives the tests.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    /// <summary>Environment variable with the path of redis-server, when it is not on PATH.</summary>
    public const string ServerPathVariable = "REDIS_SERVER";

    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(30);

    // Runs redis-server ("$@") in the background and waits on stdin; when the test process closes the pipe (on
    // Stop/Dispose or because it died), the wrapper kills redis-server (like a crash) and reaps it. fd 3 keeps the pipe for the background
    // reader, since a background job's own stdin is /dev/null.
    private const string Wrapper = """
        exec 3<&0
        "$@" &
        child=$!
        { read -r _ <&3; kill -KILL "$child"; } >/dev/null 2>&1 &
        wait "$child"
        """;

    private readonly object _sync = new();
    private readonly StringBuilder _output = new();
    private readonly string _serverPath;
    private Process? _process;
    private DirectoryInfo? _directory;

    public RedisServerFixture()
    {
        _serverPath = FindServer();
        Port = ReserveFreePort();
    }

    /// <summary>The loopback port; the same across <see cref="StopAsync"/>/<see cref="StartAsync"/>.</summary>
    public int Port { get; private set; }

    /// <summary>StackExchange.Redis connection string for this server.</summary>
    public string ConnectionString => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");

    public bool IsRunning
    {
        get
        {
            lock (_sync)
            {
                return _process is { HasExited: false };
            }
        }
    }

    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("helpbot-redis-");

        // The port was free a moment ago; if someone took it meanwhile, try another one.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                Port = ReserveFreePort();
            }
        }
    }

    /// <summary>Starts the server (again) on <see cref="Port"/> and waits until it answers PING.</summary>
    public async Task StartAsync()
    {
        if (_directory is null)
        {
            throw new InvalidOperationException("InitializeAsync has not run (use the fixture through xunit).");
        }

        if (IsRunning)
        {
            return;
        }

        var startInfo = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _directory.FullName,
        };
        foreach (var argument in new[]
                 {
                     "-c", Wrapper, "redis-wrapper", _serverPath,
                     "--port", Port.ToString(CultureInfo.InvariantCulture),
                     "--bind", "127.0.0.1",
                     "--dir", _directory.FullName,
                     "--save", string.Empty,
                     "--appendonly", "no",
                     "--daemonize", "no",
                     "--protected-mode", "no",
                     "--loglevel", "warning",
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        lock (_sync)
        {
            _process = process;
        }

        var deadline = DateTime.UtcNow + StartupLimit;
        while (!await AnswersPingAsync())
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                var exited = process.HasExited;
                await StopAsync();
                throw new InvalidOperationException(
                    $"redis-server ({_serverPath}) on 127.0.0.1:{Port} {(exited ? "exited" : "did not answer PING")} during startup. Output:{Environment.NewLine}{Output}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Kills the server (like a crash) and waits until it is gone. The port and directory stay.</summary>
    public async Task StopAsync()
    {
        Process? process;
        lock (_sync)
        {
            process = _process;
            _process = null;
        }

        if (process is null)
        {
            return;
        }

        using (process)
        {
            // Closing stdin makes the wrapper SIGKILL redis-server, reap it and exit.
            process.StandardInput.Close();
            using var patience = new CancellationTokenSource(StartupLimit);
            try
            {
                await process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        var deadline = DateTime.UtcNow + StartupLimit;
        while (await AnswersPingAsync() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    /// <summary>Everything redis-server printed so far (warnings and errors only).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        DeleteDirectory();
    }

    private void DeleteDirectory()
    {
        try
        {
            _directory?.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Best effort: it is a temp directory.
        }

        _directory = null;
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private static int ReserveFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindServer()
    {
        var configured = Environment.GetEnvironmentVariable(ServerPathVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"{ServerPathVariable}={configured} does not exist.");
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "redis-server"))
            .FirstOrDefault(File.Exists);
        return onPath ?? throw new InvalidOperationException(
            "redis-server was not found on PATH. These tests run a real Redis: install it with "
            + "`apt-get update && apt-get install -y redis-server` (Debian/Ubuntu), or set "
            + $"{ServerPathVariable} to the path of a redis-server binary.");
    }
}
