using System.Reflection;

namespace HelpBot.Benchmark.Tests;

/// <summary>
/// The benchmark in smoke mode against real processes (redis-server, HelpBot, the echo bot, the raw floor): it must
/// complete and every reply must match the scripted conversation. It asserts no timing.
/// </summary>
public sealed class BenchmarkSmokeTests
{
    // The servers are the ones built with this test project (the same configuration: Debug or Release).
    private static readonly string Configuration =
        typeof(BenchmarkSmokeTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    [Fact]
    public async Task Smoke_run_against_all_three_targets_completes_without_errors()
    {
        var options = BenchmarkOptions.Smoke with { Configuration = Configuration };
        using var log = new StringWriter();

        var report = await BenchmarkSession.RunAsync(options, log);

        var printed = ReportPrinter.Format(report);
        Assert.Equal([BenchmarkTarget.HelpBot, BenchmarkTarget.EchoBot, BenchmarkTarget.RawFloor], report.Targets.Select(t => t.Target));
        Assert.True(report.TotalErrors == 0, printed);
        foreach (var target in report.Targets)
        {
            Assert.True(target.Turns > 0, $"{target.Target} answered no turn in the window.{Environment.NewLine}{printed}");
            Assert.True(target.ConversationsFinished > 0, $"{target.Target} finished no conversation.{Environment.NewLine}{printed}");
            Assert.True(target.RssEndBytes > 0, printed);
        }

        // HelpBot keeps its state and its transcript per conversation; the report sums their memory per finished conversation.
        var helpBot = report.Result(BenchmarkTarget.HelpBot)!;
        Assert.True(helpBot.RedisConversations >= helpBot.ConversationsFinished, printed);
        Assert.True(helpBot.RedisBytesPerFinishedConversation > 0, printed);
        Assert.NotNull(report.HelpBotRatioTo(BenchmarkTarget.EchoBot));
    }

    [Fact]
    public async Task A_reply_that_does_not_match_the_script_counts_as_an_error()
    {
        // The raw floor echoes the text, which is not what HelpBot's script expects: every conversation must fail.
        await using var redis = await RedisServer.StartAsync("redis-server");
        var layout = RepositoryLayout.Find(null, Configuration);
        var port = FreePortForTest();
        using var floor = ChildProcess.Start("floor", "dotnet", [layout.RawFloorDll, "--urls", $"http://127.0.0.1:{port}", $"--ConnectionStrings:Redis={redis.ConnectionString}"]);
        using var generator = new LoadGenerator(new Uri($"http://127.0.0.1:{port}"), ConversationScript.HelpBot, conversations: 1, TimeSpan.FromSeconds(30));

        var errors = await PrimeWhenListeningAsync(generator, floor);

        Assert.Equal(2, errors.Count);
        Assert.All(errors, error => Assert.Contains("turn 1", error, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public void Every_scripted_turn_expects_some_reply_text(string locale)
    {
        var script = ConversationScript.HelpBot(locale);

        Assert.Equal(7, script.Count);
        Assert.All(script, turn =>
        {
            Assert.False(string.IsNullOrWhiteSpace(turn.Text));
            Assert.NotEmpty(turn.ExpectedFragments);
            Assert.All(turn.ExpectedFragments, fragment => Assert.True(fragment.Length >= 2, fragment));
        });
    }

    [Fact]
    public void Command_line_rejects_unknown_targets_and_reads_the_rest()
    {
        var options = CommandLine.Parse(["--conversations", "8", "--duration", "5", "--targets", "helpbot,floor"]);

        Assert.Equal(8, options.Conversations);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Duration);
        Assert.Equal([BenchmarkTarget.HelpBot, BenchmarkTarget.RawFloor], options.Targets);
        Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--targets", "nginx"]));
        Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--conversations", "0"]));
    }

    [Fact]
    public void Warm_up_options_default_to_at_least_a_minute_until_steady_and_are_fixed_in_smoke_mode()
    {
        var defaults = CommandLine.Parse([]);
        var custom = CommandLine.Parse(["--warmup", "20", "--max-warmup", "20"]);
        var smoke = CommandLine.Parse(["--smoke"]);

        Assert.Equal(TimeSpan.FromSeconds(60), defaults.Warmup);
        Assert.True(defaults.MaxWarmup > defaults.Warmup);
        Assert.Equal(custom.Warmup, custom.MaxWarmup);
        Assert.Equal(smoke.Warmup, smoke.MaxWarmup);
    }

    [Theory]
    [InlineData(new[] { 3.3, 3.6, 1.6, 0.84, 0.86 }, true)]
    [InlineData(new[] { 2.6, 1.5, 0.98 }, false)]
    [InlineData(new[] { 0.8 }, false)]
    [InlineData(new double[0], false)]
    public void The_server_counts_as_settled_when_its_last_two_warm_up_slices_agree_within_ten_percent(double[] slices, bool settled) =>
        Assert.Equal(settled, BenchmarkSession.Settled(slices, 0.10));

    private static int FreePortForTest()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    // The floor starts in well under a second; until it listens, priming fails with a connection error, not a reply.
    private static async Task<List<string>> PrimeWhenListeningAsync(LoadGenerator generator, ChildProcess floor)
    {
        for (var attempt = 0; ; attempt++)
        {
            var errors = await generator.PrimeAsync();
            if (errors.All(e => e.Contains("expected", StringComparison.Ordinal)) || attempt >= 100 || floor.HasExited)
            {
                return errors;
            }

            await Task.Delay(200);
        }
    }
}
