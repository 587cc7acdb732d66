using System.Diagnostics;
using System.Runtime.InteropServices;
using HelpBot.Dialogs.Localization;

namespace HelpBot.Benchmark;

/// <summary>
/// One benchmark run: starts redis-server, then for each target starts its server process, drives the load (warm-up,
/// then the measured window), samples CPU and memory, reads Redis memory, and stops the server.
/// </summary>
public static class BenchmarkSession
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan RssSampleInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>How often the warm-up reports the server's CPU per turn (whether it has settled).</summary>
    internal static readonly TimeSpan WarmupSlice = TimeSpan.FromSeconds(10);

    public static async Task<BenchmarkReport> RunAsync(BenchmarkOptions options, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var layout = RepositoryLayout.Find(options.RepositoryRoot, options.Configuration);
        var startedAt = DateTimeOffset.Now;
        await using var redis = await RedisServer.StartAsync(options.RedisServer);
        log.WriteLine($"redis-server on 127.0.0.1:{redis.Port} (pid {redis.Process.Id})");

        var results = new List<TargetResult>();
        foreach (var target in options.Targets)
        {
            results.Add(await RunTargetAsync(target, options, layout, redis, log));
        }

        return new BenchmarkReport
        {
            StartedAt = startedAt,
            Commit = GitCommit(layout.Root),
            Machine = new MachineInfo(Environment.ProcessorCount, ProcFs.CpuModel(), ProcFs.TotalMemoryBytes(), RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription),
            Conversations = options.Conversations,
            WarmupSeconds = options.Warmup.TotalSeconds,
            MaxWarmupSeconds = Math.Max(options.MaxWarmup.TotalSeconds, options.Warmup.TotalSeconds),
            DurationSeconds = options.Duration.TotalSeconds,
            TurnsPerConversation = ConversationScript.HelpBot(BotLanguage.Chinese).Count,
            Targets = results,
            ServerWorkingDirectory = options.ServerWorkingDirectory ?? "bin",
            HelpBotArguments = options.HelpBotArguments,
        };
    }

    private static async Task<TargetResult> RunTargetAsync(BenchmarkTarget target, BenchmarkOptions options, RepositoryLayout layout, RedisServer redis, TextWriter log)
    {
        await redis.FlushAsync();
        var loadBefore = ProcFs.LoadAverage();
        var port = FreePort.Next();
        var url = $"http://127.0.0.1:{port}";
        var (dll, keyPattern, script) = target switch
        {
            BenchmarkTarget.HelpBot => (layout.HelpBotDll, "helpbot:*", (Func<string, IReadOnlyList<ScriptedTurn>>)ConversationScript.HelpBot),
            BenchmarkTarget.EchoBot => (layout.EchoBotDll, (string?)null, locale => ConversationScript.Echoed(locale, "echo: ")),
            _ => (layout.RawFloorDll, "floor:*", locale => ConversationScript.Echoed(locale, "floor: ")),
        };
        var startup = Stopwatch.StartNew();
        var extra = target == BenchmarkTarget.HelpBot ? options.HelpBotArguments : [];
        using var server = ChildProcess.Start(target.ToString(), "dotnet",
            [dll, "--urls", url, $"--ConnectionStrings:Redis={redis.ConnectionString}", .. extra],
            options.ServerWorkingDirectory ?? Path.GetDirectoryName(dll));
        await WaitUntilHealthyAsync(server, new Uri(url + "/healthz"));
        startup.Stop();
        var usedMemoryBefore = await redis.UsedMemoryAsync();
        log.WriteLine($"{target}: started in {startup.Elapsed.TotalSeconds:0.0} s (pid {server.Id}); {options.Conversations} conversations, warm-up {options.Warmup.TotalSeconds:0}-{Math.Max(options.MaxWarmup.TotalSeconds, options.Warmup.TotalSeconds):0} s (until steady), measuring {options.Duration.TotalSeconds:0} s");

        using var generator = new LoadGenerator(new Uri(url), script, options.Conversations, options.RequestTimeout);
        var priming = Stopwatch.StartNew();
        var primingErrors = await generator.PrimeAsync();
        priming.Stop();
        log.WriteLine($"{target}: first conversations (one per language) took {priming.Elapsed.TotalSeconds:0.0} s, {primingErrors.Count} errors");
        var customers = generator.Start(options.Conversations);
        var warmupCpuMsPerTurn = await WarmUpAsync(server, generator, options);
        log.WriteLine($"{target}: warm-up, server CPU ms per turn every {WarmupSlice.TotalSeconds:0} s: {string.Join(" ", warmupCpuMsPerTurn.Select(ms => ms.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)))}{(Settled(warmupCpuMsPerTurn, options.SettledWithin) ? string.Empty : " (not settled within --max-warmup)")}");

        var self = Process.GetCurrentProcess();
        var rssAfterWarmup = server.ResidentBytes();
        var serverCpu0 = server.CpuTime();
        var redisCpu0 = redis.Process.CpuTime();
        self.Refresh();
        var generatorCpu0 = self.TotalProcessorTime;
        var windowStart = Stopwatch.GetTimestamp();

        var rssMax = rssAfterWarmup;
        var windowEnd = windowStart + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < windowEnd)
        {
            var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), windowEnd);
            await Task.Delay(remaining < RssSampleInterval ? remaining : RssSampleInterval);
            rssMax = Math.Max(rssMax, server.ResidentBytes());
        }

        windowEnd = Stopwatch.GetTimestamp();
        var serverCpu = server.CpuTime() - serverCpu0;
        var redisCpu = redis.Process.CpuTime() - redisCpu0;
        self.Refresh();
        var generatorCpu = self.TotalProcessorTime - generatorCpu0;
        var rssEnd = server.ResidentBytes();

        var records = await generator.StopAsync(customers);
        var seconds = Stopwatch.GetElapsedTime(windowStart, windowEnd).TotalSeconds;
        var measured = records.Where(r => r.Started >= windowStart && r.Ended <= windowEnd).ToList();
        var warmupErrors = primingErrors.Count + records.Count(r => r.Started < windowStart && r.Error is not null);
        var latencies = measured.Select(r => Stopwatch.GetElapsedTime(r.Started, r.Ended).TotalMilliseconds).Order().ToArray();
        // Which turns of the conversation make the tail: p50 and p99 of each turn on its own.
        var byTurn = measured.GroupBy(r => r.Turn).OrderBy(g => g.Key).Select(g =>
        {
            var sorted = g.Select(r => Stopwatch.GetElapsedTime(r.Started, r.Ended).TotalMilliseconds).Order().ToArray();
            return new TurnLatency(g.Key + 1, Percentile(sorted, 0.50), Percentile(sorted, 0.99));
        }).ToList();
        var errors = measured.Where(r => r.Error is not null).Select(r => r.Error!).ToList();
        var errorSamples = primingErrors.Concat(records.Where(r => r.Error is not null).Select(r => r.Error!)).Distinct().Take(5).ToList();

        var (keys, bytesByConversation) = keyPattern is null
            ? (0, new Dictionary<string, long>())
            : await redis.MemoryUsageAsync(keyPattern);
        // Only conversations that ran all their turns: an unfinished one has less state and a shorter transcript.
        var finishedBytes = generator.FinishedConversationIds
            .Select(id => bytesByConversation.GetValueOrDefault(id))
            .Where(bytes => bytes > 0)
            .ToList();
        var usedMemoryDelta = await redis.UsedMemoryAsync() - usedMemoryBefore;
        if (server.HasExited)
        {
            throw new InvalidOperationException($"{target} exited during the run:{Environment.NewLine}{server.OutputTail()}");
        }

        var turns = Math.Max(measured.Count, 1);
        var result = new TargetResult
        {
            Target = target,
            StartupSeconds = startup.Elapsed.TotalSeconds,
            FirstConversationsSeconds = priming.Elapsed.TotalSeconds,
            Turns = measured.Count,
            Seconds = seconds,
            P50Ms = Percentile(latencies, 0.50),
            P95Ms = Percentile(latencies, 0.95),
            P99Ms = Percentile(latencies, 0.99),
            MaxMs = latencies.Length > 0 ? latencies[^1] : 0,
            LatencyByTurn = byTurn,
            Errors = errors.Count,
            WarmupErrors = warmupErrors,
            ErrorSamples = errorSamples,
            ConversationsStarted = generator.ConversationsStarted,
            ConversationsFinished = generator.ConversationsFinished,
            ServerCpuMsPerTurn = serverCpu.TotalMilliseconds / turns,
            WarmupServerCpuMsPerTurn = warmupCpuMsPerTurn,
            ServerCores = serverCpu.TotalSeconds / seconds,
            RedisCpuMsPerTurn = redisCpu.TotalMilliseconds / turns,
            GeneratorCpuMsPerTurn = generatorCpu.TotalMilliseconds / turns,
            GeneratorCores = generatorCpu.TotalSeconds / seconds,
            RssAfterWarmupBytes = rssAfterWarmup,
            RssEndBytes = rssEnd,
            RssMaxBytes = Math.Max(rssMax, rssEnd),
            RedisKeys = keys,
            RedisConversations = bytesByConversation.Count,
            RedisKeyBytes = bytesByConversation.Values.Sum(),
            RedisBytesPerFinishedConversation = finishedBytes.Count > 0 ? finishedBytes.Average() : null,
            RedisUsedMemoryDelta = usedMemoryDelta,
            LoadAverageBefore = loadBefore,
            LoadAverageAfter = ProcFs.LoadAverage(),
        };
        log.WriteLine($"{target}: {result.TurnsPerSecond:0} turns/s, p99 {result.P99Ms:0.0} ms, {result.Errors} errors");
        return result;
    }

    // The load runs for the whole warm-up; every slice records the server's CPU per turn answered in it, so the report
    // shows whether the server had settled (the JIT's tiered compilation goes on for tens of seconds under load). After
    // the minimum warm-up, more slices until two in a row agree (or the maximum is reached).
    private static async Task<IReadOnlyList<double>> WarmUpAsync(ChildProcess server, LoadGenerator generator, BenchmarkOptions options)
    {
        var slices = new List<double>();
        var started = Stopwatch.GetTimestamp();
        var longest = options.MaxWarmup > options.Warmup ? options.MaxWarmup : options.Warmup;
        while (true)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            var remaining = (elapsed < options.Warmup ? options.Warmup : longest) - elapsed;
            if (remaining <= TimeSpan.Zero || (elapsed >= options.Warmup && Settled(slices, options.SettledWithin)))
            {
                return slices;
            }

            var cpu0 = server.CpuTime();
            var turns0 = generator.TurnsAnswered;
            await Task.Delay(remaining < WarmupSlice ? remaining : WarmupSlice);
            var turns = generator.TurnsAnswered - turns0;
            if (turns > 0)
            {
                slices.Add((server.CpuTime() - cpu0).TotalMilliseconds / turns);
            }
        }
    }

    /// <summary>Whether the last two warm-up slices' CPU per turn are within <paramref name="within"/> of each other.</summary>
    public static bool Settled(IReadOnlyList<double> slices, double within) =>
        slices.Count >= 2 && Math.Abs(slices[^1] - slices[^2]) <= within * Math.Max(slices[^1], slices[^2]);

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    internal static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private static async Task WaitUntilHealthyAsync(ChildProcess server, Uri health)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.GetTimestamp() + (long)(StartupTimeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"{server.Name} exited while starting:{Environment.NewLine}{server.OutputTail()}");
            }

            try
            {
                using var response = await client.GetAsync(health);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Too slow to answer yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{server.Name} was not healthy within {StartupTimeout.TotalSeconds:0} s:{Environment.NewLine}{server.OutputTail()}");
    }

    private static string GitCommit(string root)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", ["-C", root, "rev-parse", "--short=12", "HEAD"]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            if (git is null)
            {
                return "unknown";
            }

            var commit = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            var dirty = RunGitStatus(root) ? "+changes" : string.Empty;
            return git.ExitCode == 0 ? commit + dirty : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    private static bool RunGitStatus(string root)
    {
        using var git = Process.Start(new ProcessStartInfo("git", ["-C", root, "status", "--porcelain", "--untracked-files=no"]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
        if (git is null)
        {
            return false;
        }

        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        return output.Length > 0;
    }
}
