using System.Net;
using System.Net.Http.Json;
using HelpBot.Platform.Errors;
using HelpBot.Platform.Models;
using HelpBot.Platform.Tests.Infrastructure;

namespace HelpBot.Platform.Tests;

public sealed class OrderActionTests
{
    private static readonly DateTimeOffset Now = TestClock.Start;

    private static CancelOrderRequest CustomerCancel => new("helpbot", "customer_request");

    [Fact]
    public async Task Cancelling_a_paid_order_cancels_it_and_starts_a_refund()
    {
        await using var sandbox = await SandboxHarness.StartAsync(sandboxTime: TestClock.Create());

        var result = await sandbox.Orders.CancelOrderAsync("2611240000000002", CustomerCancel, "cancel-2", CancellationToken.None);
        var order = await sandbox.Orders.GetOrderAsync("2611240000000002", CancellationToken.None);

        Assert.Equal(OrderStatus.Cancelled, result.Status);
        Assert.Equal("pending", result.Refund.State);
        Assert.Equal(28.00m, result.Refund.Amount);
        Assert.Equal("CNY", result.Refund.Currency);
        Assert.Equal("alipay", result.Refund.Channel);
        Assert.NotNull(result.Refund.ExpectedBy);
        Assert.InRange(result.Refund.ExpectedBy.Value, Now.AddDays(1), Now.AddDays(3));

        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal(Now, order.StatusSince);
        Assert.Equal(new OrderTimelineEntry(OrderStatus.Cancelled, Now), order.Timeline[^1]);
        Assert.Equal(PaymentState.Refunded, order.Payment.State);
    }

    [Fact]
    public async Task Cancelling_an_order_charged_but_shown_unpaid_refunds_the_charge()
    {
        await using var sandbox = await SandboxHarness.StartAsync(sandboxTime: TestClock.Create());

        var result = await sandbox.Orders.CancelOrderAsync("2611240000000004", CustomerCancel, "cancel-4", CancellationToken.None);

        Assert.Equal("pending", result.Refund.State);
        Assert.Equal(36.00m, result.Refund.Amount);
        Assert.NotNull(result.Refund.ExpectedBy);
    }

    [Theory]
    [InlineData("2611240000000003")]
    [InlineData("2611240000000005")]
    public async Task Cancelling_an_order_that_was_never_charged_refunds_nothing(string orderNumber)
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var result = await sandbox.Orders.CancelOrderAsync(orderNumber, CustomerCancel, "cancel-unpaid", CancellationToken.None);
        var order = await sandbox.Orders.GetOrderAsync(orderNumber, CancellationToken.None);

        Assert.Equal(OrderStatus.Cancelled, result.Status);
        Assert.Equal("none", result.Refund.State);
        Assert.Equal(0m, result.Refund.Amount);
        Assert.Null(result.Refund.ExpectedBy);
        Assert.Equal(PaymentState.Failed, order.Payment.State);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
    }

    [Fact]
    public async Task Cancelling_an_order_the_merchant_received_tells_the_merchant_backend()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        await sandbox.Orders.CancelOrderAsync("2611240000000007", CustomerCancel, "cancel-7", CancellationToken.None);
        var merchantView = await sandbox.Merchants.GetMerchantOrderAsync("2611240000000007", CancellationToken.None);

        Assert.Equal(OrderStatus.Cancelled, merchantView.Status);
    }

    [Theory]
    [InlineData("2611240000000006")] // delivering, i.e. after pickup
    [InlineData("2611240000000001")] // delivered
    public async Task Orders_past_pickup_cannot_be_cancelled(string orderNumber)
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var error = await Assert.ThrowsAsync<PlatformApiException>(() =>
            sandbox.Orders.CancelOrderAsync(orderNumber, CustomerCancel, "cancel-late", CancellationToken.None));
        var order = await sandbox.Orders.GetOrderAsync(orderNumber, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal(PlatformErrorCodes.OrderNotCancellable, error.Code);
        Assert.Contains(orderNumber, error.Message, StringComparison.Ordinal);
        Assert.NotEqual(OrderStatus.Cancelled, order.Status);
    }

    [Fact]
    public async Task Repeating_a_cancel_with_the_same_key_returns_the_first_result_without_cancelling_twice()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var first = await sandbox.Orders.CancelOrderAsync("2611240000000002", CustomerCancel, "same-key", CancellationToken.None);
        var repeat = await sandbox.Orders.CancelOrderAsync("2611240000000002", CustomerCancel, "same-key", CancellationToken.None);
        var order = await sandbox.Orders.GetOrderAsync("2611240000000002", CancellationToken.None);
        var again = await Assert.ThrowsAsync<PlatformApiException>(() =>
            sandbox.Orders.CancelOrderAsync("2611240000000002", CustomerCancel, "another-key", CancellationToken.None));

        Assert.Equal(first, repeat);
        Assert.Single(order.Timeline, entry => entry.Status == OrderStatus.Cancelled);
        Assert.Equal(PlatformErrorCodes.OrderNotCancellable, again.Code);
    }

    [Fact]
    public async Task Concurrent_cancels_with_one_key_cancel_once()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            sandbox.Orders.CancelOrderAsync("2611240000000007", CustomerCancel, "racing-key", CancellationToken.None)));
        var order = await sandbox.Orders.GetOrderAsync("2611240000000007", CancellationToken.None);

        Assert.All(results, result => Assert.Equal(results[0], result));
        Assert.Single(order.Timeline, entry => entry.Status == OrderStatus.Cancelled);
    }

    [Fact]
    public async Task Reusing_a_key_for_another_order_is_refused()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        await sandbox.Orders.CancelOrderAsync("2611240000000002", CustomerCancel, "reused", CancellationToken.None);

        var error = await Assert.ThrowsAsync<PlatformApiException>(() =>
            sandbox.Orders.CancelOrderAsync("2611240000000003", CustomerCancel, "reused", CancellationToken.None));
        var other = await sandbox.Orders.GetOrderAsync("2611240000000003", CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(PlatformErrorCodes.InvalidRequest, error.Code);
        Assert.Contains("Idempotency-Key", error.Message, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Placed, other.Status);
    }

    [Fact]
    public async Task A_new_address_is_stored_on_the_order()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        const string address = "上海市静安区延安中路1000号 2楼前台";

        var result = await sandbox.Orders.ChangeDeliveryAsync(
            "2611240000000006", new DeliveryChangeRequest("helpbot", address, null), "addr-6", CancellationToken.None);
        var order = await sandbox.Orders.GetOrderAsync("2611240000000006", CancellationToken.None);

        Assert.Equal(address, result.Delivery.Address);
        Assert.Equal(address, order.Delivery.Address);
        Assert.Null(order.Delivery.ScheduledFor);
    }

    [Fact]
    public async Task A_new_delivery_time_is_stored_and_becomes_the_eta()
    {
        await using var sandbox = await SandboxHarness.StartAsync(sandboxTime: TestClock.Create());
        var scheduledFor = Now.AddHours(2);

        var result = await sandbox.Orders.ChangeDeliveryAsync(
            "2611240000000002", new DeliveryChangeRequest("helpbot", null, scheduledFor), "time-2", CancellationToken.None);
        var order = await sandbox.Orders.GetOrderAsync("2611240000000002", CancellationToken.None);

        Assert.Equal(scheduledFor, result.Delivery.ScheduledFor);
        Assert.Equal(scheduledFor, order.Delivery.ScheduledFor);
        Assert.Equal(scheduledFor, order.Eta);
        Assert.Equal(scheduledFor, order.EtaHistory[^1].NewEta);
        Assert.Equal(Now, order.EtaHistory[^1].ChangedAt);
    }

    [Fact]
    public async Task Delivery_cannot_change_once_delivered()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var error = await Assert.ThrowsAsync<PlatformApiException>(() => sandbox.Orders.ChangeDeliveryAsync(
            "2611240000000001", new DeliveryChangeRequest("helpbot", "新地址 1号", null), "addr-1", CancellationToken.None));

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal(PlatformErrorCodes.OrderNotChangeable, error.Code);
    }

    [Fact]
    public async Task Delivery_cannot_change_once_cancelled()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        await sandbox.Orders.CancelOrderAsync("2611240000000002", CustomerCancel, "cancel-first", CancellationToken.None);

        var error = await Assert.ThrowsAsync<PlatformApiException>(() => sandbox.Orders.ChangeDeliveryAsync(
            "2611240000000002", new DeliveryChangeRequest("helpbot", "新地址 1号", null), "addr-2", CancellationToken.None));

        Assert.Equal(PlatformErrorCodes.OrderNotChangeable, error.Code);
    }

    [Fact]
    public async Task A_delivery_change_must_change_something_in_the_future()
    {
        await using var sandbox = await SandboxHarness.StartAsync(sandboxTime: TestClock.Create());

        var nothing = await Assert.ThrowsAsync<PlatformApiException>(() => sandbox.Orders.ChangeDeliveryAsync(
            "2611240000000002", new DeliveryChangeRequest("helpbot", null, null), "nothing", CancellationToken.None));
        var past = await Assert.ThrowsAsync<PlatformApiException>(() => sandbox.Orders.ChangeDeliveryAsync(
            "2611240000000002", new DeliveryChangeRequest("helpbot", null, Now.AddMinutes(-5)), "past", CancellationToken.None));
        var blank = await Assert.ThrowsAsync<PlatformApiException>(() => sandbox.Orders.ChangeDeliveryAsync(
            "2611240000000002", new DeliveryChangeRequest("helpbot", "   ", null), "blank", CancellationToken.None));

        Assert.All([nothing, past, blank], error =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
            Assert.Equal(PlatformErrorCodes.InvalidRequest, error.Code);
        });
        Assert.Contains("scheduledFor", past.Message, StringComparison.Ordinal);
        Assert.Contains("address", blank.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actions_on_unknown_orders_are_not_found()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var cancel = await Assert.ThrowsAsync<PlatformApiException>(() =>
            sandbox.Orders.CancelOrderAsync("2611249999999999", CustomerCancel, "k1", CancellationToken.None));
        var change = await Assert.ThrowsAsync<PlatformApiException>(() => sandbox.Orders.ChangeDeliveryAsync(
            "2611249999999999", new DeliveryChangeRequest("helpbot", "某地址", null), "k2", CancellationToken.None));

        Assert.All([cancel, change], error =>
        {
            Assert.True(error.IsNotFound);
            Assert.Equal(PlatformErrorCodes.OrderNotFound, error.Code);
        });
    }

    [Fact]
    public async Task An_action_without_an_idempotency_key_is_refused()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        using var response = await sandbox.Raw.PostAsJsonAsync(
            "/api/v1/orders/2611240000000002/cancel", CustomerCancel, PlatformJson.Options);
        var body = await ErrorBody.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(PlatformErrorCodes.InvalidRequest, body.Code);
        Assert.Contains("Idempotency-Key", body.Message, StringComparison.Ordinal);
    }
}
