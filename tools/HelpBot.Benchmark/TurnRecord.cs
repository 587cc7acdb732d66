namespace HelpBot.Benchmark;

/// <summary>One request: its turn in the conversation (0-based), when it started and ended (Stopwatch timestamps) and, when it failed, why.</summary>
public readonly record struct TurnRecord(int Turn, long Started, long Ended, string? Error);
