using HelpBot.Platform.Models;
using HelpBot.Platform.Sandbox.State;
using HelpBot.Platform.Tests.Infrastructure;

namespace HelpBot.Platform.Tests;

/// <summary>The seed facts other suites and the demo rely on, read through the Refit clients over HTTP.</summary>
public sealed class SeedDataTests
{
    private static readonly DateTimeOffset Now = TestClock.Start;

    [Fact]
    public async Task Demo_user_has_seven_recent_orders_newest_first()
    {
        await using var sandbox = await SandboxHarness.StartAsync(sandboxTime: TestClock.Create());

        var recent = await sandbox.Orders.GetRecentOrdersAsync(SandboxSeed.DemoUserId, 10, CancellationToken.None);

        Assert.Equal(SandboxSeed.DemoUserId, recent.UserId);
        Assert.Equal(
            ["2611240000000007", "2611240000000006", "2611240000000005", "2611240000000004", "2611240000000003", "2611240000000002", "2611240000000001"],
            recent.Orders.Select(order => order.OrderNumber));
        Assert.Equal(recent.Orders.OrderByDescending(order => order.PlacedAt), recent.Orders);
        Assert.All(recent.Orders, order =>
        {
            Assert.Equal("CNY", order.Currency);
            Assert.True(order.Amount > 0);
            Assert.False(string.IsNullOrWhiteSpace(order.ItemsSummary));
        });
        Assert.Equal(7, recent.Orders.Select(order => order.MerchantName).Distinct().Count());
        Assert.Contains(recent.Orders, order => order.MerchantName.Contains("麻辣烫", StringComparison.Ordinal));
        Assert.Contains(recent.Orders, order => order.ItemsSummary.Contains("黄焖鸡米饭", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Recent_orders_honour_the_limit()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var recent = await sandbox.Orders.GetRecentOrdersAsync(SandboxSeed.DemoUserId, 3, CancellationToken.None);

        Assert.Equal(["2611240000000007", "2611240000000006", "2611240000000005"], recent.Orders.Select(order => order.OrderNumber));
    }

    [Fact]
    public async Task Other_user_sees_only_their_own_order()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var recent = await sandbox.Orders.GetRecentOrdersAsync(SandboxSeed.OtherUserId, 10, CancellationToken.None);
        var order = await sandbox.Orders.GetOrderAsync(SandboxSeed.OtherUserOrder, CancellationToken.None);

        Assert.Equal([SandboxSeed.OtherUserOrder], recent.Orders.Select(summary => summary.OrderNumber));
        Assert.Equal(SandboxSeed.OtherUserId, order.UserId);
        Assert.Equal("13900139000", order.UserPhone);
        Assert.Equal(OrderStatus.Delivering, order.Status);
    }

    [Fact]
    public async Task Order_1_was_delivered_on_time_about_two_hours_ago_with_a_full_timeline()
    {
        await using var sandbox = await SandboxHarness.StartAsync(sandboxTime: TestClock.Create());

        var order = await sandbox.Orders.GetOrderAsync("2611240000000001", CancellationToken.None);

        Assert.Equal(SandboxSeed.DemoUserId, order.UserId);
        Assert.Equal("13800138000", order.UserPhone);
        Assert.Equal(OrderStatus.Delivered, order.Status);
        Assert.Equal(
            [OrderStatus.Placed, OrderStatus.Paid, OrderStatus.Accepted, OrderStatus.Preparing, OrderStatus.PickedUp, OrderStatus.Delivering, OrderStatus.Delivered],
            order.Timeline.Select(entry => entry.Status));
        Assert.Equal(order.Timeline.OrderBy(entry => entry.At), order.Timeline);
        Assert.Equal(order.Timeline[^1].At, order.StatusSince);
        Assert.InRange(Now - order.StatusSince, TimeSpan.FromMinutes(110), TimeSpan.FromMinutes(130));
        Assert.NotNull(order.Eta);
        Assert.True(order.StatusSince <= order.Eta, "delivered no later than promised");
        Assert.Empty(order.EtaHistory);
        Assert.Equal(PaymentState.Paid, order.Payment.State);
        Assert.True(order.Payment.CustomerCharged);
    }

    [Fact]
    public async Task Order_2_has_shown_preparing_for_45_minutes_but_never_reached_the_merchant()
    {
        await using var sandbox = await SandboxHarness.StartAsync(sandboxTime: TestClock.Create());

        var order = await sandbox.Orders.GetOrderAsync("2611240000000002", CancellationToken.None);
        var merchantView = await sandbox.Merchants.GetMerchantOrderAsync("2611240000000002", CancellationToken.None);

        Assert.Equal(OrderStatus.Preparing, order.Status);
        Assert.Equal(Now.AddMinutes(-45), order.StatusSince);
        Assert.Equal(PaymentState.Paid, order.Payment.State);
        Assert.True(order.Payment.CustomerCharged);
        Assert.NotNull(order.Payment.ChargedAt);
        Assert.Contains("黄焖鸡米饭", order.Merchant.Name, StringComparison.Ordinal);
        Assert.False(merchantView.Received);
        Assert.Null(merchantView.Status);
        Assert.Equal(order.Merchant.Id, merchantView.MerchantId);
    }

    [Fact]
    public async Task Order_3_payment_failed_with_a_channel_error_and_was_not_charged()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var order = await sandbox.Orders.GetOrderAsync("2611240000000003", CancellationToken.None);

        Assert.Equal(OrderStatus.Placed, order.Status);
        Assert.Equal(PaymentState.Failed, order.Payment.State);
        Assert.Equal(PaymentFailureCodes.ChannelError, order.Payment.FailureCode);
        Assert.False(order.Payment.CustomerCharged);
        Assert.Null(order.Payment.ChargedAt);
    }

    [Fact]
    public async Task Order_4_was_charged_by_the_channel_but_still_shows_unpaid()
    {
        await using var sandbox = await SandboxHarness.StartAsync(sandboxTime: TestClock.Create());

        var order = await sandbox.Orders.GetOrderAsync("2611240000000004", CancellationToken.None);

        Assert.Equal(OrderStatus.Placed, order.Status);
        Assert.Equal(PaymentState.Unpaid, order.Payment.State);
        Assert.True(order.Payment.CustomerCharged);
        Assert.NotNull(order.Payment.ChargedAt);
        Assert.True(order.Payment.ChargedAt < Now);
        Assert.Null(order.Payment.FailureCode);
    }

    [Fact]
    public async Task Order_5_was_declined_for_the_card_limit_and_not_charged()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var order = await sandbox.Orders.GetOrderAsync("2611240000000005", CancellationToken.None);

        Assert.Equal(OrderStatus.Placed, order.Status);
        Assert.Equal(PaymentState.Failed, order.Payment.State);
        Assert.Equal(PaymentFailureCodes.CardLimitExceeded, order.Payment.FailureCode);
        Assert.False(order.Payment.CustomerCharged);
    }

    [Fact]
    public async Task Order_6_is_delivering_after_three_eta_slips_with_a_stale_rider_location()
    {
        await using var sandbox = await SandboxHarness.StartAsync(sandboxTime: TestClock.Create());

        var order = await sandbox.Orders.GetOrderAsync("2611240000000006", CancellationToken.None);

        Assert.Equal(OrderStatus.Delivering, order.Status);
        Assert.Equal(3, order.EtaHistory.Count);
        Assert.All(order.EtaHistory, change =>
        {
            Assert.True(change.NewEta > change.PreviousEta, "each change is a slip");
            Assert.Contains(change.Reason, new[] { "kitchen_slow", "dispatch", "weather", "traffic", "peak_hours" });
            Assert.True(change.ChangedAt < Now);
        });
        for (var i = 1; i < order.EtaHistory.Count; i++)
            Assert.Equal(order.EtaHistory[i - 1].NewEta, order.EtaHistory[i].PreviousEta);
        Assert.Equal(order.EtaHistory[^1].NewEta, order.Eta);
        Assert.Equal(order.EtaHistory.OrderBy(change => change.ChangedAt), order.EtaHistory);

        Assert.NotNull(order.Rider);
        Assert.Equal(Now.AddMinutes(-15), order.Rider.LastLocationAt);
        Assert.Matches(@"^1\d{2}\*{4}\d{4}$", order.Rider.MaskedPhone);
    }

    [Fact]
    public async Task Order_7_shows_preparing_in_the_app_but_cancelled_at_the_merchant()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var order = await sandbox.Orders.GetOrderAsync("2611240000000007", CancellationToken.None);
        var merchantView = await sandbox.Merchants.GetMerchantOrderAsync("2611240000000007", CancellationToken.None);

        Assert.Equal(OrderStatus.Preparing, order.Status);
        Assert.True(merchantView.Received);
        Assert.Equal(OrderStatus.Cancelled, merchantView.Status);
        Assert.NotNull(merchantView.UpdatedAt);
    }

    [Fact]
    public async Task Every_order_is_consistent()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        string[] numbers = ["2611240000000001", "2611240000000002", "2611240000000003", "2611240000000004",
            "2611240000000005", "2611240000000006", "2611240000000007", "2611240000000008"];

        foreach (var number in numbers)
        {
            var order = await sandbox.Orders.GetOrderAsync(number, CancellationToken.None);
            Assert.Equal(number, order.OrderNumber);
            Assert.Equal(order.Items.Sum(item => item.UnitPrice * item.Quantity), order.Payment.Amount);
            Assert.Equal("CNY", order.Payment.Currency);
            Assert.Matches(@"^021-5555-\d{4}$", order.Merchant.Phone);
            Assert.Matches(@"^M\d{4}$", order.Merchant.Id);
            Assert.False(string.IsNullOrWhiteSpace(order.Delivery.Address));
            Assert.Equal(order.Timeline.OrderBy(entry => entry.At), order.Timeline);
        }
    }

    [Fact]
    public async Task App_versions_are_8_3_0_latest_and_8_0_0_minimum_on_ios_and_android()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var versions = await sandbox.AppVersions.GetAppVersionsAsync(CancellationToken.None);

        Assert.Equal(["android", "ios"], versions.Platforms.Select(platform => platform.Platform).Order());
        Assert.All(versions.Platforms, platform =>
        {
            Assert.Equal("8.3.0", platform.Latest);
            Assert.Equal("8.0.0", platform.MinimumSupported);
        });
    }

    [Fact]
    public async Task There_is_no_incident_at_start()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var status = await sandbox.Status.GetStatusAsync(CancellationToken.None);

        Assert.Empty(status.Incidents);
    }
}
