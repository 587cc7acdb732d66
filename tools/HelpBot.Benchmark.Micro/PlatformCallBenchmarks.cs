using BenchmarkDotNet.Attributes;
using HelpBot.Platform.Apis;
using Microsoft.Extensions.DependencyInjection;

namespace HelpBot.Benchmark.Micro;

/// <summary>The Refit platform clients (with the host's resilience pipeline) against the embedded sandbox over loopback.</summary>
public class PlatformCallBenchmarks
{
    private BotHarness _harness = null!;
    private IOrdersApi _orders = null!;

    [GlobalSetup]
    public void Setup()
    {
        _harness = BotHarness.StartAsync().GetAwaiter().GetResult();
        _orders = _harness.Services.GetRequiredService<IOrdersApi>();
    }

    [GlobalCleanup]
    public void Cleanup() => _harness.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public Task<HelpBot.Platform.Models.Order> GetOrder() => _orders.GetOrderAsync(Conversations.DelayedOrder, CancellationToken.None);

    [Benchmark]
    public Task<HelpBot.Platform.Models.RecentOrdersResponse> GetRecentOrders() => _orders.GetRecentOrdersAsync("demo-user", 10, CancellationToken.None);
}
