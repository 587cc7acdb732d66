using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace HelpBot.Soak;

/// <summary>The Release bot as its own process, on Redis, with the embedded sandbox on a fixed port.</summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;

    private BotProcess(Process process, Uri address, Uri sandbox, string logPath)
    {
        _process = process;
        Address = address;
        SandboxAddress = sandbox;
        LogPath = logPath;
    }

    public Uri Address { get; }

    public Uri SandboxAddress { get; }

    public string LogPath { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static async Task<BotProcess> StartAsync(string botDll, string redis, CancellationToken cancellationToken)
    {
        if (!File.Exists(botDll))
        {
            throw new FileNotFoundException($"Build the bot first: dotnet build src/HelpBot -c Release (looked for {botDll}).");
        }

        var botPort = FreePort();
        var sandboxPort = FreePort();
        var address = new Uri($"http://127.0.0.1:{botPort}");
        var sandbox = new Uri($"http://127.0.0.1:{sandboxPort}");
        var logPath = Path.Combine(Path.GetTempPath(), $"helpbot-soak-{DateTime.UtcNow:yyyyMMddHHmmss}.log");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(botDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            botDll,
            "--urls", address.ToString(),
            "--ConnectionStrings:Redis", redis,
            "--Platform:Sandbox:Url", sandbox.ToString(),
            // A soak measures endurance, not the abuse limits: many simulated customers share the demo user.
            "--HelpBot:RateLimit:Enabled", "false",
            "--HelpBot:PhoneCheck:MaxFailuresPerUser", "1000000",
        })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the bot.");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var gate = new object();
        process.OutputDataReceived += (_, e) => { lock (gate) { log.WriteLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (gate) { log.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var bot = new BotProcess(process, address, sandbox, logPath);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The bot exited with {process.ExitCode}; see {logPath}.");
            }

            try
            {
                using var ready = await http.GetAsync(new Uri(address, "/readyz"), cancellationToken);
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return bot;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500, cancellationToken);
        }

        await bot.DisposeAsync();
        throw new TimeoutException($"The bot did not become ready; see {logPath}.");
    }

    /// <summary>Resident set size in MB, from /proc (Linux).</summary>
    public double RssMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kb = line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return kb / 1024.0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
