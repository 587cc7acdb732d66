namespace HelpBot.Benchmark;

/// <summary>What to run and for how long. Every value has a command-line flag (see <see cref="CommandLine"/>).</summary>
public sealed record BenchmarkOptions
{
    /// <summary>Concurrent closed-loop conversations per target.</summary>
    public int Conversations { get; init; } = 64;

    /// <summary>Load before measuring (JIT, connection pools, the recognizer's first calls), not counted.</summary>
    /// <remarks>
    /// 60 s: under this load on 2 cores HelpBot's JIT goes on compiling (tiered PGO: tier 0, instrumented, tier 1) for
    /// about 40 s; after 10 s its CPU per turn is still 1.5-1.8 times the settled value. The report prints the CPU per
    /// turn of every 10 s of the warm-up, so a run shows whether it had settled.
    /// </remarks>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The longest warm-up: after <see cref="Warmup"/> the load goes on, 10 s at a time, until the server's CPU per turn
    /// of the last 10 s is within <see cref="SettledWithin"/> of the 10 s before (on a busy VM the JIT can take longer
    /// than a minute), but not past this. Equal to <see cref="Warmup"/>: a fixed warm-up.
    /// </summary>
    public TimeSpan MaxWarmup { get; init; } = TimeSpan.FromSeconds(180);

    /// <summary>How close two consecutive warm-up slices must be for the server to count as settled.</summary>
    public double SettledWithin { get; init; } = 0.10;

    /// <summary>The measured window per target.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Targets in run order.</summary>
    public IReadOnlyList<BenchmarkTarget> Targets { get; init; } = [BenchmarkTarget.HelpBot, BenchmarkTarget.EchoBot, BenchmarkTarget.RawFloor];

    /// <summary>Build configuration whose server binaries are started ("Release" for real numbers).</summary>
    public string Configuration { get; init; } = "Release";

    /// <summary>The repository root; found from the working directory or the tool's location when not given.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>The redis-server executable.</summary>
    public string RedisServer { get; init; } = "redis-server";

    /// <summary>Time limit for one request; a slower reply counts as an error.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The servers' working directory, which ASP.NET Core uses as content root (where appsettings.json is read).
    /// Null: each server's own output directory, as when it is deployed or started with dotnet run.
    /// </summary>
    public string? ServerWorkingDirectory { get; init; }

    /// <summary>Extra command-line arguments for HelpBot only (e.g. a configuration override to compare).</summary>
    /// <remarks>
    /// By default the per-user and per-conversation rate limits are off: every simulated customer is demo-user (the
    /// demo orders belong to it), so one real user's limit would otherwise throttle the whole load.
    /// </remarks>
    public IReadOnlyList<string> HelpBotArguments { get; init; } = ["--HelpBot:RateLimit:Enabled=false"];

    /// <summary>Where to write the results as JSON as well; none when null.</summary>
    public string? JsonOutput { get; init; }

    /// <summary>A few seconds with few conversations: proves the benchmark works, measures nothing worth quoting.</summary>
    public static BenchmarkOptions Smoke { get; } = new()
    {
        Conversations = 4,
        Warmup = TimeSpan.FromSeconds(1),
        MaxWarmup = TimeSpan.FromSeconds(1),
        Duration = TimeSpan.FromSeconds(3),
    };
}

public enum BenchmarkTarget
{
    /// <summary>HelpBot itself, with Redis state and the embedded sandbox platform.</summary>
    HelpBot,

    /// <summary>The SDK's ceiling: a bare Bot Framework echo bot.</summary>
    EchoBot,

    /// <summary>The floor: parse the activity, one Redis GET and SET, one reply.</summary>
    RawFloor,
}
