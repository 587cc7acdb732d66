using System.Globalization;

namespace HelpBot.Benchmark;

/// <summary>Parses <c>--conversations N --warmup S --max-warmup S --duration S --targets a,b --configuration C --json FILE --smoke</c>.</summary>
public static class CommandLine
{
    public const string Usage = """
        Usage: dotnet HelpBot.Benchmark.dll [options]
          --conversations N      concurrent conversations per target (default 64)
          --warmup SECONDS       unmeasured load first, at least (default 60: HelpBot's JIT settles after ~40 s of load)
          --max-warmup SECONDS   then more load, 10 s at a time, until the server's CPU per turn is steady (within
                                 10% of the 10 s before), but no longer than this in all (default 180; = --warmup: fixed)
          --duration SECONDS     measured window per target (default 30)
          --targets LIST         comma-separated: helpbot,echo,floor (default all three, in that order)
          --configuration NAME   build configuration of the servers (default Release)
          --repo PATH            repository root (default: found from the current directory)
          --redis-server PATH    redis-server executable (default redis-server on PATH)
          --server-cwd PATH      the servers' working directory = content root (default: each server's bin directory)
          --helpbot-arg ARG      an extra argument for HelpBot only, repeatable (e.g. --helpbot-arg --Logging:LogLevel:Default=Warning)
          --json FILE            also write the results as JSON
          --smoke                4 conversations, 1 s warm-up, 3 s measured (proves it works; numbers mean little)
        """;

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = args.Contains("--smoke") ? BenchmarkOptions.Smoke : new BenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--smoke")
            {
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            var value = args[++i];
            options = name switch
            {
                "--conversations" => options with { Conversations = PositiveInt(name, value) },
                "--warmup" => options with { Warmup = Seconds(name, value, allowZero: true) },
                "--max-warmup" => options with { MaxWarmup = Seconds(name, value, allowZero: true) },
                "--duration" => options with { Duration = Seconds(name, value, allowZero: false) },
                "--targets" => options with { Targets = Targets(value) },
                "--configuration" => options with { Configuration = value },
                "--repo" => options with { RepositoryRoot = value },
                "--redis-server" => options with { RedisServer = value },
                "--json" => options with { JsonOutput = value },
                "--server-cwd" => options with { ServerWorkingDirectory = value },
                "--helpbot-arg" => options with { HelpBotArguments = [.. options.HelpBotArguments, value] },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }

        return options;
    }

    private static int PositiveInt(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive whole number, not \"{value}\".");

    private static TimeSpan Seconds(string name, string value, bool allowZero) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && (s > 0 || (allowZero && s == 0))
            ? TimeSpan.FromSeconds(s)
            : throw new ArgumentException($"{name} must be a number of seconds, not \"{value}\".");

    private static BenchmarkTarget[] Targets(string value) =>
    [
        .. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => t.ToUpperInvariant() switch
        {
            "HELPBOT" => BenchmarkTarget.HelpBot,
            "ECHO" or "ECHOBOT" => BenchmarkTarget.EchoBot,
            "FLOOR" or "RAWFLOOR" => BenchmarkTarget.RawFloor,
            _ => throw new ArgumentException($"Unknown target \"{t}\" (helpbot, echo, floor)."),
        }),
    ];
}
