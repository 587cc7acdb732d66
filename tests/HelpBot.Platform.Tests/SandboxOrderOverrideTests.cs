using System.Net;
using System.Net.Http.Json;
using HelpBot.Platform.Errors;
using HelpBot.Platform.Models;
using HelpBot.Platform.Sandbox.Admin;
using HelpBot.Platform.Sandbox.State;
using HelpBot.Platform.Tests.Infrastructure;

namespace HelpBot.Platform.Tests;

/// <summary><c>PUT /sandbox/orders/{n}</c> (the stories' starting states) and <c>GET /sandbox/order-actions</c>, over HTTP.</summary>
public sealed class SandboxOrderOverrideTests
{
    [Fact]
    public async Task A_status_override_rewrites_the_timeline_and_the_clients_see_it()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        using var response = await sandbox.Raw.PutAsJsonAsync(
            $"/sandbox/orders/{SandboxSeed.NotSyncedToMerchantOrder}",
            new { status = "delivering", statusMinutesAgo = 12, etaInMinutes = -5, riderLastSeenMinutesAgo = 20 },
            PlatformJson.Options);
        var order = await sandbox.Orders.GetOrderAsync(SandboxSeed.NotSyncedToMerchantOrder, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OrderStatus.Delivering, order.Status);
        Assert.Equal([OrderStatus.Placed, OrderStatus.Paid, OrderStatus.Preparing, OrderStatus.Delivering], order.Timeline.Select(t => t.Status));
        Assert.NotNull(order.Rider);
        Assert.True(order.Eta < DateTimeOffset.UtcNow);
        Assert.InRange((DateTimeOffset.UtcNow - order.Rider!.LastLocationAt!.Value).TotalMinutes, 19, 21);
    }

    [Fact]
    public async Task Copy_of_adds_a_new_order_with_its_own_number_and_the_owner_sees_it_in_the_list()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        using var response = await sandbox.Raw.PutAsJsonAsync(
            "/sandbox/orders/2611240000000019",
            new { copyOf = SandboxSeed.ChargedButUnpaidOrder, merchantId = "M1003" },
            PlatformJson.Options);
        var recent = await sandbox.Orders.GetRecentOrdersAsync(SandboxSeed.DemoUserId, 20, CancellationToken.None);
        var copy = await sandbox.Orders.GetOrderAsync("2611240000000019", CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(recent.Orders, o => o.OrderNumber == "2611240000000019");
        Assert.Equal("M1003", copy.Merchant.Id);
        Assert.Equal(PaymentState.Unpaid, copy.Payment.State);
        Assert.True(copy.Payment.CustomerCharged);
    }

    [Theory]
    [InlineData("2611240000000002", """{"status":"eaten"}""")]
    [InlineData("2611240000000002", """{"merchantId":"M9999"}""")]
    [InlineData("2611240000000002", """{"userId":"nobody"}""")]
    [InlineData("2611240000000099", """{"status":"delivered"}""")]
    [InlineData("2611240000000001", """{"copyOf":"2611240000000002"}""")]
    [InlineData("12", """{"status":"delivered"}""")]
    public async Task A_bad_override_is_a_400_or_404_and_changes_nothing(string orderNumber, string body)
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var before = await sandbox.Orders.GetOrderAsync(SandboxSeed.NotSyncedToMerchantOrder, CancellationToken.None);

        using var response = await sandbox.Raw.PutAsync($"/sandbox/orders/{orderNumber}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var after = await sandbox.Orders.GetOrderAsync(SandboxSeed.NotSyncedToMerchantOrder, CancellationToken.None);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{response.StatusCode}");
        Assert.Equal(before.Status, after.Status);
        Assert.Equal(before.Merchant, after.Merchant);
    }

    [Fact]
    public async Task Order_actions_record_each_attempt_with_its_outcome()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var request = new CancelOrderRequest("test", "customer_request");

        await sandbox.Orders.CancelOrderAsync(SandboxSeed.NotSyncedToMerchantOrder, request, "k1", CancellationToken.None);
        await sandbox.Orders.CancelOrderAsync(SandboxSeed.NotSyncedToMerchantOrder, request, "k1", CancellationToken.None);
        var refused = await Assert.ThrowsAsync<PlatformApiException>(() =>
            sandbox.Orders.CancelOrderAsync(SandboxSeed.LateDeliveryOrder, request, "k2", CancellationToken.None));
        var actions = await sandbox.Raw.GetFromJsonAsync<List<RecordedOrderAction>>("/sandbox/order-actions", PlatformJson.Options);

        Assert.Equal(PlatformErrorCodes.OrderNotCancellable, refused.Code);
        Assert.Equal(
            [("cancel", SandboxSeed.NotSyncedToMerchantOrder, "done"), ("cancel", SandboxSeed.NotSyncedToMerchantOrder, "repeat"), ("cancel", SandboxSeed.LateDeliveryOrder, "refused")],
            actions!.Select(a => (a.Action, a.OrderNumber, a.Outcome)));
        Assert.Equal(PlatformErrorCodes.OrderNotCancellable, actions![2].ErrorCode);
    }
}
