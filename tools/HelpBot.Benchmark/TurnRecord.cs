namespace HelpBot.Benchmark;

/// <summary>One request: when it started and ended (Stopwatch timestamps) and, when it failed, why.</summary>
public readonly record struct TurnRecord(long Started, long Ended, string? Error);
