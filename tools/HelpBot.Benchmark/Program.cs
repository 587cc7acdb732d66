using System.Text.Json;
using System.Text.Json.Serialization;
using HelpBot.Benchmark;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(CommandLine.Usage);
    return 0;
}

BenchmarkOptions options;
try
{
    options = CommandLine.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

var report = await BenchmarkSession.RunAsync(options, Console.Out);
Console.WriteLine();
Console.Write(ReportPrinter.Format(report));
if (options.JsonOutput is { } path)
{
    var json = new JsonSerializerOptions { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };
    await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, json));
    Console.WriteLine($"Results written to {path}");
}

// Not a test: wrong replies are reported and make the exit code non-zero, timings never do.
return report.TotalErrors == 0 ? 0 : 1;
