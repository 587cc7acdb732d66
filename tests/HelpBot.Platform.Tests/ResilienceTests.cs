using HelpBot.Platform.Errors;
using HelpBot.Platform.Models;
using HelpBot.Platform.Sandbox.Admin;
using HelpBot.Platform.Tests.Infrastructure;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace HelpBot.Platform.Tests;

/// <summary>
/// The client-side policy against the sandbox's injected faults. Timeouts and delays are kept short so the suite stays
/// quick; nothing here asserts on durations.
/// </summary>
public sealed class ResilienceTests
{
    private const string Order1Path = "/api/v1/orders/2611240000000001";

    // Fast retries, and a breaker that stays out of the way unless a test wants it.
    private static void FastRetries(PlatformOptions options)
    {
        options.RetryCount = 2;
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        options.CircuitBreakerMinimumThroughput = 100;
    }

    [Fact]
    public async Task A_failing_get_is_retried_and_then_reported_unavailable()
    {
        await using var sandbox = await SandboxHarness.StartAsync(FastRetries);
        var fault = await sandbox.AddFaultAsync(new AddFaultRequest(Order1Path, null, 503));

        var error = await Assert.ThrowsAsync<PlatformUnavailableException>(() =>
            sandbox.Orders.GetOrderAsync("2611240000000001", CancellationToken.None));

        Assert.Equal(3, await sandbox.FaultHitsAsync(fault.Id));
        Assert.Contains("503", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_get_that_recovers_during_retries_succeeds()
    {
        await using var sandbox = await SandboxHarness.StartAsync(options =>
        {
            FastRetries(options);
            options.RetryCount = 5;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(200);
        });
        var fault = await sandbox.AddFaultAsync(new AddFaultRequest("/api/v1/status", null, 503));

        // Clear the fault as soon as the first attempt has failed; a later retry then gets through.
        var call = sandbox.Status.GetStatusAsync(CancellationToken.None);
        while (sandbox.Server.State.Faults.Single().Hits == 0)
            await Task.Delay(5);
        sandbox.Server.State.RemoveFault(fault.Id);

        var status = await call;
        Assert.Empty(status.Incidents);
    }

    [Fact]
    public async Task A_failing_post_is_not_retried()
    {
        await using var sandbox = await SandboxHarness.StartAsync(FastRetries);
        var fault = await sandbox.AddFaultAsync(new AddFaultRequest("/api/v1/orders/2611240000000003/cancel", null, 503));

        await Assert.ThrowsAsync<PlatformUnavailableException>(() => sandbox.Orders.CancelOrderAsync(
            "2611240000000003", new CancelOrderRequest("helpbot", "customer_request"), "post-once", CancellationToken.None));
        var order = await sandbox.Orders.GetOrderAsync("2611240000000003", CancellationToken.None);

        Assert.Equal(1, await sandbox.FaultHitsAsync(fault.Id));
        Assert.Equal(OrderStatus.Placed, order.Status);
    }

    [Fact]
    public async Task A_client_error_is_not_retried_and_keeps_its_status()
    {
        await using var sandbox = await SandboxHarness.StartAsync(FastRetries);
        var fault = await sandbox.AddFaultAsync(new AddFaultRequest(Order1Path, null, 400));

        var error = await Assert.ThrowsAsync<PlatformApiException>(() =>
            sandbox.Orders.GetOrderAsync("2611240000000001", CancellationToken.None));

        Assert.Equal(1, await sandbox.FaultHitsAsync(fault.Id));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task A_platform_slower_than_the_timeouts_is_reported_unavailable()
    {
        await using var sandbox = await SandboxHarness.StartAsync(options =>
        {
            FastRetries(options);
            options.RetryCount = 1;
            options.AttemptTimeout = TimeSpan.FromMilliseconds(150);
            options.TotalTimeout = TimeSpan.FromSeconds(5);
        });
        await sandbox.AddFaultAsync(new AddFaultRequest(Order1Path, 30_000, null));

        var error = await Assert.ThrowsAsync<PlatformUnavailableException>(() =>
            sandbox.Orders.GetOrderAsync("2611240000000001", CancellationToken.None));

        Assert.IsType<TimeoutRejectedException>(error.InnerException);
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_total_timeout_bounds_a_call_with_its_retries()
    {
        await using var sandbox = await SandboxHarness.StartAsync(options =>
        {
            FastRetries(options);
            options.RetryCount = 10;
            options.AttemptTimeout = TimeSpan.FromMilliseconds(100);
            options.TotalTimeout = TimeSpan.FromMilliseconds(300);
        });
        await sandbox.AddFaultAsync(new AddFaultRequest(Order1Path, 30_000, null));

        var error = await Assert.ThrowsAsync<PlatformUnavailableException>(() =>
            sandbox.Orders.GetOrderAsync("2611240000000001", CancellationToken.None));

        Assert.IsType<TimeoutRejectedException>(error.InnerException);
    }

    [Fact]
    public async Task Repeated_failures_open_the_circuit_breaker_so_calls_stop_reaching_the_platform()
    {
        await using var sandbox = await SandboxHarness.StartAsync(options =>
        {
            options.RetryCount = 0;
            options.CircuitBreakerMinimumThroughput = 2;
            options.CircuitBreakerFailureRatio = 0.5;
            options.CircuitBreakerBreakDuration = TimeSpan.FromSeconds(30);
        });
        var fault = await sandbox.AddFaultAsync(new AddFaultRequest("/api/v1/status", null, 503));

        PlatformUnavailableException? rejected = null;
        var hitsBefore = 0;
        for (var call = 0; call < 10 && rejected is null; call++)
        {
            hitsBefore = await sandbox.FaultHitsAsync(fault.Id);
            var error = await Assert.ThrowsAsync<PlatformUnavailableException>(() => sandbox.Status.GetStatusAsync(CancellationToken.None));
            if (error.InnerException is BrokenCircuitException)
                rejected = error;
        }

        Assert.NotNull(rejected);
        Assert.Contains("circuit breaker", rejected.Message, StringComparison.Ordinal);
        Assert.Equal(hitsBefore, await sandbox.FaultHitsAsync(fault.Id));

        // While open, even a healthy platform is not called.
        sandbox.Server.State.ClearFaults();
        var stillOpen = await Assert.ThrowsAsync<PlatformUnavailableException>(() => sandbox.Status.GetStatusAsync(CancellationToken.None));
        Assert.IsType<BrokenCircuitException>(stillOpen.InnerException);
    }

    [Fact]
    public async Task Network_failures_are_reported_unavailable()
    {
        await using var sandbox = await SandboxHarness.StartAsync(FastRetries);
        var orders = sandbox.Orders; // created (with the base address) while the sandbox still listens
        await sandbox.Server.StopAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<PlatformUnavailableException>(() => orders.GetOrderAsync("2611240000000001", CancellationToken.None));

        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task Cancelling_the_callers_token_surfaces_as_cancellation_not_unavailability()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var fault = await sandbox.AddFaultAsync(new AddFaultRequest(Order1Path, 30_000, null));
        using var cancellation = new CancellationTokenSource();

        var call = sandbox.Orders.GetOrderAsync("2611240000000001", cancellation.Token);
        while (await sandbox.FaultHitsAsync(fault.Id) == 0)
            await Task.Delay(5);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }
}
