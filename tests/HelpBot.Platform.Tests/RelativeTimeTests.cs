using HelpBot.Platform.Models;
using HelpBot.Platform.Tests.Infrastructure;

namespace HelpBot.Platform.Tests;

/// <summary>Seed times follow "now" at read time; times caused by actions stay where they happened.</summary>
public sealed class RelativeTimeTests
{
    [Fact]
    public async Task Order_2_has_been_preparing_for_45_minutes_whenever_it_is_read()
    {
        var clock = TestClock.Create();
        await using var sandbox = await SandboxHarness.StartAsync(sandboxTime: clock);

        var before = await sandbox.Orders.GetOrderAsync("2611240000000002", CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(5));
        var after = await sandbox.Orders.GetOrderAsync("2611240000000002", CancellationToken.None);

        Assert.Equal(TestClock.Start.AddMinutes(-45), before.StatusSince);
        Assert.Equal(clock.GetUtcNow().AddMinutes(-45), after.StatusSince);
        Assert.Equal(TimeSpan.FromHours(5), after.StatusSince - before.StatusSince);
    }

    [Fact]
    public async Task The_riders_last_location_is_always_15_minutes_old_on_order_6()
    {
        var clock = TestClock.Create();
        await using var sandbox = await SandboxHarness.StartAsync(sandboxTime: clock);

        clock.Advance(TimeSpan.FromDays(3));
        var order = await sandbox.Orders.GetOrderAsync("2611240000000006", CancellationToken.None);

        Assert.Equal(clock.GetUtcNow().AddMinutes(-15), order.Rider!.LastLocationAt);
    }

    [Fact]
    public async Task After_an_action_the_orders_history_stays_where_it_happened()
    {
        var clock = TestClock.Create();
        await using var sandbox = await SandboxHarness.StartAsync(sandboxTime: clock);
        var cancelledAt = clock.GetUtcNow();

        await sandbox.Orders.CancelOrderAsync("2611240000000002", new CancelOrderRequest("helpbot", "test"), "k", CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(1));
        var order = await sandbox.Orders.GetOrderAsync("2611240000000002", CancellationToken.None);

        Assert.Equal(cancelledAt, order.StatusSince);
        Assert.Equal(cancelledAt.AddMinutes(-45), order.Timeline.Single(entry => entry.Status == OrderStatus.Preparing).At);
        Assert.Equal(order.Timeline.OrderBy(entry => entry.At), order.Timeline);
    }

    [Fact]
    public async Task Ticket_ids_carry_the_platforms_date_in_china_time()
    {
        var clock = TestClock.Create();
        await using var sandbox = await SandboxHarness.StartAsync(sandboxTime: clock);

        clock.Advance(TimeSpan.FromHours(14)); // 16:00 UTC on the 24th is past midnight in Shanghai
        var ticket = await sandbox.Support.CreateTicketAsync(
            new CreateTicketRequest("demo-user", null, "app", "App crashes on start", null), "k", CancellationToken.None);

        Assert.Equal("T202611250001", ticket.TicketId);
    }
}
