using System.Globalization;
using System.Text;

namespace HelpBot.Benchmark;

/// <summary>The report as text: conditions, one row per target, the ratios, and whether the generator kept up.</summary>
public static class ReportPrinter
{
    private const double MiB = 1024 * 1024;

    public static string Format(BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var m = report.Machine;
        text.AppendLine(c, $"HelpBot benchmark, {report.StartedAt:yyyy-MM-dd HH:mm zzz}, commit {report.Commit}");
        text.AppendLine(c, $"Machine: {m.ProcessorCount} cores ({m.CpuModel}), {m.MemoryBytes / MiB / 1024:0.0} GiB, {m.OperatingSystem}, {m.Runtime}");
        text.AppendLine(c, $"Load: {report.Conversations} concurrent closed-loop conversations of {report.TurnsPerConversation} turns; {report.WarmupSeconds:0} s warm-up (up to {Math.Max(report.MaxWarmupSeconds, report.WarmupSeconds):0} s until the server's CPU per turn is steady), {report.DurationSeconds:0} s measured per target");
        text.AppendLine(c, $"Servers: dotnet <dll> --urls http://127.0.0.1:<free port> --ConnectionStrings:Redis=<own redis-server>{string.Concat(report.HelpBotArguments.Select(a => " " + a))}, working directory {(report.ServerWorkingDirectory == "bin" ? "each server's bin directory" : report.ServerWorkingDirectory)}");
        text.AppendLine();
        text.AppendLine("target    turns/s   p50 ms   p95 ms   p99 ms   max ms  errors  conv done  server CPU ms/turn (cores)  redis CPU ms/turn  RSS warm/end/max MB  Redis B/conv (finished | used_memory)  load avg");
        foreach (var t in report.Targets)
        {
            var redisPerConversation = t.RedisBytesPerFinishedConversation is { } bytes
                ? string.Create(c, $"{bytes,6:0} | {t.RedisUsedMemoryPerConversation,6:0} ({t.RedisKeys} keys)")
                : "-";
            text.AppendLine(c,
                $"{Name(t.Target),-8} {t.TurnsPerSecond,8:0.0} {t.P50Ms,8:0.00} {t.P95Ms,8:0.00} {t.P99Ms,8:0.00} {t.MaxMs,8:0.0} {t.Errors + t.WarmupErrors,7} {t.ConversationsFinished,10}  {t.ServerCpuMsPerTurn,10:0.000} ({t.ServerCores:0.00})      {t.RedisCpuMsPerTurn,10:0.000}        {t.RssAfterWarmupBytes / MiB,5:0}/{t.RssEndBytes / MiB,4:0}/{t.RssMaxBytes / MiB,4:0}       {redisPerConversation,-40}  {t.LoadAverageBefore:0.00}→{t.LoadAverageAfter:0.00}");
        }

        text.AppendLine();
        if (report.HelpBotRatioTo(BenchmarkTarget.EchoBot) is { } echo)
        {
            text.AppendLine(c, $"HelpBot throughput / bare echo bot: {echo:0.00} ({echo:P0})");
        }

        if (report.HelpBotRatioTo(BenchmarkTarget.RawFloor) is { } floor)
        {
            text.AppendLine(c, $"HelpBot throughput / raw floor:     {floor:0.00} ({floor:P0})");
        }

        foreach (var t in report.Targets.Where(t => t.LatencyByTurn.Count > 0))
        {
            text.AppendLine(c, $"{Name(t.Target)}: p50/p99 ms by turn: {string.Join("  ", t.LatencyByTurn.Select(l => string.Create(c, $"{l.Turn}: {l.P50Ms:0.0}/{l.P99Ms:0.0}")))}");
        }

        foreach (var t in report.Targets.Where(t => t.WarmupServerCpuMsPerTurn.Count > 0))
        {
            text.AppendLine(c, $"{Name(t.Target)}: server CPU ms per turn in each {BenchmarkSession.WarmupSlice.TotalSeconds:0} s of the warm-up: {string.Join(" ", t.WarmupServerCpuMsPerTurn.Select(ms => ms.ToString("0.000", c)))} (measured window: {t.ServerCpuMsPerTurn:0.000})");
        }

        foreach (var t in report.Targets)
        {
            text.AppendLine(c, $"{Name(t.Target)}: healthy {t.StartupSeconds:0.0} s after start; first two conversations (turn by turn) {t.FirstConversationsSeconds:0.00} s");
        }

        foreach (var t in report.Targets)
        {
            text.AppendLine(c,
                $"Load generator against {Name(t.Target)}: {t.GeneratorCpuMsPerTurn:0.000} ms CPU per turn, {t.GeneratorCores:0.00} cores, vs the server's {t.ServerCpuMsPerTurn:0.000} ms ({t.ServerCores:0.00} cores)");
        }

        var fastest = report.Targets.MaxBy(t => t.TurnsPerSecond);
        if (fastest is not null && report.Result(BenchmarkTarget.HelpBot) is { } helpBot && fastest.Target != BenchmarkTarget.HelpBot)
        {
            text.AppendLine(c,
                $"The same generator drove {Name(fastest.Target)} at {fastest.TurnsPerSecond:0} turns/s, {fastest.TurnsPerSecond / Math.Max(helpBot.TurnsPerSecond, 1):0.0}x HelpBot's rate, so it is not what limits HelpBot.");
        }

        foreach (var t in report.Targets.Where(t => t.ErrorSamples.Count > 0))
        {
            text.AppendLine(c, $"Errors from {Name(t.Target)} ({t.Errors} measured, {t.WarmupErrors} in warm-up), first ones:");
            foreach (var sample in t.ErrorSamples)
            {
                text.AppendLine(c, $"  {sample}");
            }
        }

        return text.ToString();
    }

    private static string Name(BenchmarkTarget target) => target switch
    {
        BenchmarkTarget.HelpBot => "helpbot",
        BenchmarkTarget.EchoBot => "echo",
        _ => "floor",
    };
}
