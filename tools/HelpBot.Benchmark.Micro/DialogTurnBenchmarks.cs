using BenchmarkDotNet.Attributes;

namespace HelpBot.Benchmark.Micro;

/// <summary>
/// Turns through SupportBot on a TestAdapter (MemoryStorage, sandbox platform over loopback): a greeting (recognizer,
/// no platform call), an order-status turn (recognizer, one platform call), and the whole 7-turn delay conversation.
/// Each operation is a new conversation, deleted afterwards so storage does not grow.
/// </summary>
public class DialogTurnBenchmarks
{
    private BotHarness _harness = null!;
    private long _conversation;

    [GlobalSetup]
    public void Setup() => _harness = BotHarness.StartAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _harness.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public Task GreetingTurn() => RunAsync(["你好"]);

    [Benchmark]
    public Task OrderNumberTurn() => RunAsync([Conversations.DelayedOrder]);

    [Benchmark(Description = "WholeConversation (7 turns)")]
    public Task WholeConversation() => RunAsync(Conversations.DelayFlow);

    private async Task RunAsync(string[] messages)
    {
        var key = await _harness.ConverseAsync("zh-CN", "micro-" + Interlocked.Increment(ref _conversation), messages);
        await _harness.Storage.DeleteAsync([key]);
    }
}
