namespace HelpBot.Benchmark;

/// <summary>Everything one benchmark run measured, with the conditions it ran under.</summary>
public sealed record BenchmarkReport
{
    public required DateTimeOffset StartedAt { get; init; }

    public required string Commit { get; init; }

    public required MachineInfo Machine { get; init; }

    public required int Conversations { get; init; }

    public required double WarmupSeconds { get; init; }

    /// <summary>The longest warm-up: after <see cref="WarmupSeconds"/> it went on until the server's CPU per turn was steady.</summary>
    public double MaxWarmupSeconds { get; init; }

    public required double DurationSeconds { get; init; }

    public required int TurnsPerConversation { get; init; }

    public required IReadOnlyList<TargetResult> Targets { get; init; }

    /// <summary>The servers' working directory (content root); "bin" means each server's own output directory.</summary>
    public required string ServerWorkingDirectory { get; init; }

    public required IReadOnlyList<string> HelpBotArguments { get; init; }

    public int TotalErrors => Targets.Sum(t => t.Errors + t.WarmupErrors);

    public TargetResult? Result(BenchmarkTarget target) => Targets.FirstOrDefault(t => t.Target == target);

    /// <summary>HelpBot's throughput as a share of a reference's, when both ran.</summary>
    public double? HelpBotRatioTo(BenchmarkTarget reference) =>
        Result(BenchmarkTarget.HelpBot) is { TurnsPerSecond: var helpBot } && Result(reference) is { TurnsPerSecond: > 0 and var other }
            ? helpBot / other
            : null;
}

/// <summary>Latency of one turn of the scripted conversation (1-based).</summary>
public sealed record TurnLatency(int Turn, double P50Ms, double P99Ms);

public sealed record MachineInfo(int ProcessorCount, string CpuModel, long MemoryBytes, string OperatingSystem, string Runtime);

/// <summary>One target's numbers over the measured window.</summary>
public sealed record TargetResult
{
    public required BenchmarkTarget Target { get; init; }

    /// <summary>From process start until GET /healthz answers.</summary>
    public required double StartupSeconds { get; init; }

    /// <summary>The first two conversations, turn by turn, before the load (start-up work the first turns pay for).</summary>
    public required double FirstConversationsSeconds { get; init; }

    /// <summary>Requests that started and ended inside the measured window.</summary>
    public required int Turns { get; init; }

    public required double Seconds { get; init; }

    public double TurnsPerSecond => Seconds > 0 ? Turns / Seconds : 0;

    public required double P50Ms { get; init; }

    /// <summary>p50 and p99 of each turn of the conversation (1-based), measured window only.</summary>
    public IReadOnlyList<TurnLatency> LatencyByTurn { get; init; } = [];

    public required double P95Ms { get; init; }

    public required double P99Ms { get; init; }

    public required double MaxMs { get; init; }

    /// <summary>Wrong, empty or failed replies in the measured window.</summary>
    public required int Errors { get; init; }

    public required int WarmupErrors { get; init; }

    public required IReadOnlyList<string> ErrorSamples { get; init; }

    public required int ConversationsStarted { get; init; }

    public required int ConversationsFinished { get; init; }

    /// <summary>Server process utime+stime over the window, per measured turn.</summary>
    public required double ServerCpuMsPerTurn { get; init; }

    /// <summary>The server's CPU per turn in each warm-up slice of <see cref="BenchmarkSession.WarmupSlice"/>, oldest first.</summary>
    public IReadOnlyList<double> WarmupServerCpuMsPerTurn { get; init; } = [];

    /// <summary>Server CPU seconds per wall second (1.0 = one full core).</summary>
    public required double ServerCores { get; init; }

    public required double RedisCpuMsPerTurn { get; init; }

    /// <summary>The load generator's own CPU (Process.TotalProcessorTime) per measured turn.</summary>
    public required double GeneratorCpuMsPerTurn { get; init; }

    public required double GeneratorCores { get; init; }

    public required long RssAfterWarmupBytes { get; init; }

    public required long RssEndBytes { get; init; }

    public required long RssMaxBytes { get; init; }

    /// <summary>Keys left in Redis after the run (HelpBot: state and transcript of every conversation started).</summary>
    public required int RedisKeys { get; init; }

    /// <summary>Conversations those keys belong to.</summary>
    public required int RedisConversations { get; init; }

    /// <summary>Sum of MEMORY USAGE over those keys.</summary>
    public required long RedisKeyBytes { get; init; }

    /// <summary>Mean MEMORY USAGE of all keys of one conversation, over the conversations that ran all their turns.</summary>
    public required double? RedisBytesPerFinishedConversation { get; init; }

    /// <summary>INFO memory used_memory after the run minus before the target started.</summary>
    public required long RedisUsedMemoryDelta { get; init; }

    /// <summary>used_memory delta per conversation with keys (finished or not; includes Redis's own overhead).</summary>
    public double? RedisUsedMemoryPerConversation => RedisConversations > 0 ? (double)RedisUsedMemoryDelta / RedisConversations : null;

    public required double LoadAverageBefore { get; init; }

    public required double LoadAverageAfter { get; init; }
}
