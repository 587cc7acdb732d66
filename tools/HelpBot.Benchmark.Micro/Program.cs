using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// Short runs (few iterations) in this process: the numbers are for finding what matters, not for the third digit.
// In-process also avoids generating and building a separate project per run on a shared 2-core machine.
var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .AddDiagnoser(MemoryDiagnoser.Default)
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);

BenchmarkSwitcher.FromAssembly(typeof(HelpBot.Benchmark.Micro.BotHarness).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args, config);
