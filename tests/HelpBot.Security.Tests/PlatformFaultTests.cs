using HelpBot.Dialogs.Resources;
using HelpBot.Platform.Apis;
using HelpBot.Platform.Errors;
using HelpBot.Platform.Models;
using HelpBot.Platform.Sandbox.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace HelpBot.Security.Tests;

/// <summary>
/// The platform slow or failing (sandbox faults), through the bot: the customer hears that the order system cannot be
/// reached, keeps the self-checks and a person on offer, and the same conversation works again once the platform does.
/// </summary>
public sealed class PlatformFaultTests
{
    private const string OrderNumber = "2611240000000001";

    // Timeouts generous enough for a busy test machine (a timeout must come from the injected delay, not from load);
    // the breaker is kept out of the way unless a test is about it.
    private static Dictionary<string, string?> Settings(int breakerMinimumThroughput = 1000) => new()
    {
        ["Platform:AttemptTimeout"] = "00:00:02",
        ["Platform:TotalTimeout"] = "00:00:05",
        ["Platform:RetryCount"] = "2",
        ["Platform:RetryBaseDelay"] = "00:00:00.010",
        ["Platform:CircuitBreakerMinimumThroughput"] = breakerMinimumThroughput.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Platform:CircuitBreakerSamplingDuration"] = "00:01:00",
        ["Platform:CircuitBreakerBreakDuration"] = "00:05:00",
        ["HelpBot:RateLimit:Enabled"] = "false",
    };

    [Theory]
    [InlineData(503, 0)]
    [InlineData(500, 0)]
    [InlineData(null, 10_000)]
    public async Task Platform_down_or_slow_then_back_the_same_conversation_recovers(int? statusCode, int delayMs)
    {
        await using var host = await BotHost.StartAsync(Settings());
        var conversation = Guid.NewGuid().ToString("N");
        host.Sandbox.State.AddFault(new AddFaultRequest("/api/", delayMs == 0 ? null : delayMs, statusCode));

        var down = await host.SayForActivitiesAsync(conversation, "check my order");

        var text = string.Join("\n", down.Select(r => (string?)r["text"]));
        Assert.Contains(BotHost.Text(nameof(Strings.Platform_Unavailable)), text, StringComparison.Ordinal);
        Assert.Contains(BotHost.Text(nameof(Strings.Platform_UnavailableSelfHelp)), text, StringComparison.Ordinal);
        var buttons = BotHost.ButtonsIn(down);
        Assert.Contains(BotHost.Text(nameof(Strings.Menu_AppDown)), buttons);
        Assert.Contains(BotHost.Text(nameof(Strings.Menu_Payment)), buttons);
        Assert.Contains(BotHost.Text(nameof(Strings.Menu_Human)), buttons);

        host.Sandbox.State.ClearFaults();

        Assert.Contains(await host.SayAsync(conversation, "check my order"), r => r.Contains(BotHost.Fragment(nameof(Strings.Order_PickRecent)), StringComparison.Ordinal));
        Assert.Contains(await host.SayAsync(conversation, OrderNumber), r => r.Contains(OrderNumber, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Self_checks_that_need_no_order_data_still_run_while_the_platform_is_down()
    {
        await using var host = await BotHost.StartAsync(Settings());
        var conversation = Guid.NewGuid().ToString("N");
        host.Sandbox.State.AddFault(new AddFaultRequest("/api/", null, 503));

        // The app-down flow still runs: with the status service unreachable it says the problem is likely on the
        // platform's side (the device checks would not help then) and goes on to the wrap-up.
        var appDown = await host.SayAsync(conversation, BotHost.Text(nameof(Strings.Menu_AppDown)));
        Assert.Contains(BotHost.Text(nameof(Strings.AppDown_StatusUnknown)), appDown);
        Assert.True(appDown.Count >= 2, string.Join(" | ", appDown));

        var other = Guid.NewGuid().ToString("N");
        var payment = await host.SayAsync(other, BotHost.Text(nameof(Strings.Menu_Payment)));
        Assert.Contains(payment, r => r.Contains(BotHost.Text(nameof(Strings.Platform_UnavailablePaymentChecks)), StringComparison.Ordinal));
        Assert.Contains(payment, r => r.Contains(BotHost.Text(nameof(Strings.Check_Network_Question)), StringComparison.Ordinal));
        var next = await host.SayAsync(other, "no");
        Assert.Contains(next, r => r.Contains(BotHost.Text(nameof(Strings.Check_Network_Advice)), StringComparison.Ordinal));

        // Escalation stays on offer through the menu button.
        host.Sandbox.State.ClearFaults();
        Assert.NotEmpty(await host.SayAsync(other, BotHost.Text(nameof(Strings.Menu_Human))));
    }

    [Fact]
    public async Task A_failing_get_is_retried_with_the_configured_count()
    {
        await using var host = await BotHost.StartAsync(Settings());
        var conversation = Guid.NewGuid().ToString("N");
        await host.SayAsync(conversation, "check my order");
        var fault = host.Sandbox.State.AddFault(new AddFaultRequest("/api/v1/orders/" + OrderNumber, null, 503));

        var replies = await host.SayAsync(conversation, OrderNumber);

        Assert.True(1 + 2 == host.Sandbox.State.Faults.Single(f => f.Id == fault.Id).Hits, string.Join(" | ", replies));
    }

    [Fact]
    public async Task A_failing_post_is_not_retried()
    {
        await using var host = await BotHost.StartAsync(Settings());
        var fault = host.Sandbox.State.AddFault(new AddFaultRequest($"/api/v1/orders/{OrderNumber}/cancel", null, 503));
        var orders = host.Services.GetRequiredService<IOrdersApi>();

        await Assert.ThrowsAsync<PlatformUnavailableException>(() =>
            orders.CancelOrderAsync(OrderNumber, new CancelOrderRequest("customer_request", "test"), Guid.NewGuid().ToString("N"), CancellationToken.None));

        Assert.Equal(1, host.Sandbox.State.Faults.Single(f => f.Id == fault.Id).Hits);
    }

    [Fact]
    public async Task The_circuit_breaker_stops_calling_a_failing_platform_and_the_bot_still_answers()
    {
        await using var host = await BotHost.StartAsync(Settings(breakerMinimumThroughput: 2));
        var fault = host.Sandbox.State.AddFault(new AddFaultRequest("/api/v1/users/", null, 503));
        var conversation = Guid.NewGuid().ToString("N");

        await host.SayAsync(conversation, "check my order");
        var hitsWhenOpened = host.Sandbox.State.Faults.Single(f => f.Id == fault.Id).Hits;
        var again = await host.SayAsync(conversation, "check my order");

        Assert.Equal(hitsWhenOpened, host.Sandbox.State.Faults.Single(f => f.Id == fault.Id).Hits);
        Assert.Contains(again, r => r.Contains(BotHost.Text(nameof(Strings.Platform_Unavailable)), StringComparison.Ordinal));
    }
}
