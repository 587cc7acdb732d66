using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using HelpBot.Testing.Hosting;

namespace HelpBot.Scale.Tests.Infrastructure;

/// <summary>
/// One HelpBot instance as a real process (<c>dotnet HelpBot.dll --urls http://127.0.0.1:{port} …</c>), started from the
/// host project's build output. <see cref="KillAsync"/> ends it like a crash; disposing does the same. If the test
/// process itself dies, a small shell wrapper notices its stdin closing and kills the bot, so none outlives the tests.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(90);

    // Same pattern as RedisServerFixture: the bot runs in the background; when our end of the stdin pipe closes (Kill,
    // Dispose, or the test process died) the wrapper SIGKILLs it and reaps it.
    private const string Wrapper = """
        exec 3<&0
        "$@" &
        child=$!
        { read -r _ <&3; kill -KILL "$child"; } >/dev/null 2>&1 &
        wait "$child"
        """;

    private readonly Process _process;
    private readonly StringBuilder _output;

    private BotProcess(string name, Process process, StringBuilder output, Uri address)
    {
        Name = name;
        _process = process;
        _output = output;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public string Name { get; }

    public Uri Address { get; }

    public HttpClient Http { get; }

    /// <summary>Everything the process printed so far (for failure messages).</summary>
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

    /// <summary>Starts an instance on a free loopback port and waits until GET /healthz answers.</summary>
    /// <param name="settings">Configuration as <c>--Key=value</c> arguments, e.g. <c>ConnectionStrings:Redis</c>.</param>
    /// <param name="environment">Environment variables on top of the defaults below; a null value removes one.</param>
    public static async Task<BotProcess> StartAsync(string name, IReadOnlyDictionary<string, string> settings, IReadOnlyDictionary<string, string?>? environment = null)
    {
        // The port was free a moment ago; if someone took it meanwhile, the process exits and we try another one.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryStartAsync(name, settings, environment, ReserveFreePort());
            }
            catch (BotStartException) when (attempt < 3)
            {
            }
        }
    }

    private static async Task<BotProcess> TryStartAsync(string name, IReadOnlyDictionary<string, string> settings, IReadOnlyDictionary<string, string?>? environment, int port)
    {
        var hostAssembly = HelpBotHost.AssemblyPath;
        var address = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        var startInfo = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(hostAssembly)!,
        };
        foreach (var argument in new[] { "-c", Wrapper, "helpbot-wrapper", HelpBotHost.DotnetPath, hostAssembly, "--urls", address.ToString().TrimEnd('/') })
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in settings)
        {
            startInfo.ArgumentList.Add($"--{key}={value}");
        }

        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Production";
        startInfo.Environment["Logging__Console__FormatterName"] = "simple";
        startInfo.Environment.Remove("ASPNETCORE_URLS");
        startInfo.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                startInfo.Environment.Remove(key);
            }
            else
            {
                startInfo.Environment[key] = value;
            }
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = startInfo };
        void Record(string? line)
        {
            if (line is not null)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        }

        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var bot = new BotProcess(name, process, output, address);

        var deadline = DateTime.UtcNow + StartupLimit;
        while (!await bot.AnswersHealthAsync())
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                var exited = process.HasExited;
                await bot.DisposeAsync();
                throw new BotStartException(
                    $"HelpBot instance {name} ({hostAssembly}) on {address} {(exited ? "exited" : "did not answer /healthz")} during startup. Output:{Environment.NewLine}{bot.Output}");
            }

            await Task.Delay(100);
        }

        return bot;
    }

    /// <summary>Sends one message with deliveryMode expectReplies; returns the HTTP status and the message replies.</summary>
    public async Task<BotAnswer> SendAsync(string conversationId, string text, string locale = "zh-CN", string userId = "demo-user")
    {
        using var response = await Http.PostAsJsonAsync("/api/messages", CustomerMessages.Message(conversationId, text, locale, userId));
        var body = await response.Content.ReadAsStringAsync();
        IReadOnlyList<string> texts = [];
        if (response.IsSuccessStatusCode && JsonNode.Parse(body)?["activities"] is JsonArray replies)
        {
            texts = [.. replies.OfType<JsonObject>()
                .Where(reply => (string?)reply["type"] == "message")
                .Select(reply => (string?)reply["text"] ?? string.Empty)];
        }

        return new BotAnswer(Name, response.StatusCode, body, texts);
    }

    /// <summary>Sends one message and requires a 200 with at least one reply.</summary>
    public async Task<string> SayAsync(string conversationId, string text, string locale = "zh-CN", string userId = "demo-user")
    {
        var answer = await SendAsync(conversationId, text, locale, userId);
        Assert.True(answer.Status == HttpStatusCode.OK && answer.Texts.Count > 0, $"{answer}{Environment.NewLine}Output of {Name}:{Environment.NewLine}{Output}");
        return answer.Text;
    }

    public async Task<HttpStatusCode> ReadinessAsync()
    {
        using var response = await Http.GetAsync("/readyz");
        return response.StatusCode;
    }

    /// <summary>Ends the process at once (SIGKILL, like a crash) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        _process.StandardInput.Close();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        try
        {
            await KillAsync();
        }
        finally
        {
            _process.Dispose();
        }
    }

    private async Task<bool> AnswersHealthAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            using var response = await Http.GetAsync("/healthz", timeout.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
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

    private sealed class BotStartException(string message) : Exception(message);
}
