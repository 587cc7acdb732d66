using System.Net;
using System.Net.Http.Json;
using HelpBot.Platform.Errors;
using HelpBot.Platform.Models;
using HelpBot.Platform.Sandbox.Admin;
using HelpBot.Platform.Sandbox.State;
using HelpBot.Platform.Tests.Infrastructure;

namespace HelpBot.Platform.Tests;

public sealed class SupportAndMerchantTests
{
    private static CreateTicketRequest PaymentTicket(string? orderNumber = "2611240000000004") => new(
        SandboxSeed.DemoUserId, orderNumber, "payment", "扣款成功但订单显示未支付",
        new Dictionary<string, string> { ["channel"] = "alipay" });

    [Fact]
    public async Task A_ticket_gets_a_dated_id_and_is_recorded()
    {
        await using var sandbox = await SandboxHarness.StartAsync(sandboxTime: TestClock.Create());

        var ticket = await sandbox.Support.CreateTicketAsync(PaymentTicket(), "ticket-1", CancellationToken.None);
        var recorded = await sandbox.Raw.GetFromJsonAsync<List<SupportTicket>>("/sandbox/tickets", PlatformJson.Options);

        Assert.Equal("T202611240001", ticket.TicketId);
        Assert.Equal(SandboxSeed.DemoUserId, ticket.UserId);
        Assert.Equal("2611240000000004", ticket.OrderNumber);
        Assert.Equal("payment", ticket.Category);
        Assert.Equal("open", ticket.Status);
        Assert.Equal(TestClock.Start, ticket.CreatedAt);
        Assert.Equal([ticket], recorded);
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_first_ticket_instead_of_a_second()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var first = await sandbox.Support.CreateTicketAsync(PaymentTicket(), "ticket-key", CancellationToken.None);
        var repeat = await sandbox.Support.CreateTicketAsync(PaymentTicket(), "ticket-key", CancellationToken.None);
        var second = await sandbox.Support.CreateTicketAsync(PaymentTicket(null), "other-key", CancellationToken.None);

        Assert.Equal(first, repeat);
        Assert.NotEqual(first.TicketId, second.TicketId);
        Assert.Matches(@"^T\d{8}0002$", second.TicketId);
        Assert.Equal(2, sandbox.Server.State.Tickets.Count);
    }

    [Fact]
    public async Task Tickets_for_unknown_users_or_other_peoples_orders_are_not_found()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var unknownUser = await Assert.ThrowsAsync<PlatformApiException>(() => sandbox.Support.CreateTicketAsync(
            PaymentTicket() with { UserId = "nobody" }, "t1", CancellationToken.None));
        var foreignOrder = await Assert.ThrowsAsync<PlatformApiException>(() => sandbox.Support.CreateTicketAsync(
            PaymentTicket(SandboxSeed.OtherUserOrder), "t2", CancellationToken.None));

        Assert.Equal(PlatformErrorCodes.UserNotFound, unknownUser.Code);
        Assert.Equal(HttpStatusCode.NotFound, unknownUser.StatusCode);
        Assert.Equal(PlatformErrorCodes.OrderNotFound, foreignOrder.Code);
        Assert.Empty(sandbox.Server.State.Tickets);
    }

    [Fact]
    public async Task A_ticket_needs_a_known_category_and_a_summary()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var category = await Assert.ThrowsAsync<PlatformApiException>(() => sandbox.Support.CreateTicketAsync(
            PaymentTicket() with { Category = "complaint" }, "t1", CancellationToken.None));
        var summary = await Assert.ThrowsAsync<PlatformApiException>(() => sandbox.Support.CreateTicketAsync(
            PaymentTicket() with { Summary = "" }, "t2", CancellationToken.None));

        Assert.Equal(PlatformErrorCodes.InvalidRequest, category.Code);
        Assert.Contains("category", category.Message, StringComparison.Ordinal);
        Assert.Contains("summary", summary.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_merchant_message_gets_an_id_and_is_recorded_for_the_orders_merchant()
    {
        await using var sandbox = await SandboxHarness.StartAsync(sandboxTime: TestClock.Create());
        var request = new MerchantMessageRequest("顾客询问订单进度，请尽快出餐。", ["https://example.com/photo.jpg"]);

        var result = await sandbox.Merchants.SendMerchantMessageAsync("2611240000000002", request, "msg-1", CancellationToken.None);
        var recorded = await sandbox.Raw.GetFromJsonAsync<List<RecordedMerchantMessage>>("/sandbox/merchant-messages", PlatformJson.Options);

        Assert.False(string.IsNullOrWhiteSpace(result.MessageId));
        Assert.Equal("2611240000000002", result.OrderNumber);
        Assert.Equal("M1002", result.MerchantId);
        Assert.Equal(TestClock.Start, result.SentAt);
        var message = Assert.Single(recorded!);
        Assert.Equal(result.MessageId, message.MessageId);
        Assert.Equal(request.Text, message.Text);
        Assert.Equal(["https://example.com/photo.jpg"], message.AttachmentUrls);
    }

    [Fact]
    public async Task The_same_key_sends_a_merchant_message_once()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var request = new MerchantMessageRequest("请确认是否已出餐。", null);

        var first = await sandbox.Merchants.SendMerchantMessageAsync("2611240000000007", request, "msg-key", CancellationToken.None);
        var repeat = await sandbox.Merchants.SendMerchantMessageAsync("2611240000000007", request, "msg-key", CancellationToken.None);

        Assert.Equal(first, repeat);
        Assert.Single(sandbox.Server.State.MerchantMessages);
    }

    [Fact]
    public async Task Merchant_routes_reject_unknown_orders_and_bad_attachments()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var view = await Assert.ThrowsAsync<PlatformApiException>(() =>
            sandbox.Merchants.GetMerchantOrderAsync("2611249999999999", CancellationToken.None));
        var send = await Assert.ThrowsAsync<PlatformApiException>(() => sandbox.Merchants.SendMerchantMessageAsync(
            "2611249999999999", new MerchantMessageRequest("hello", null), "m1", CancellationToken.None));
        var attachment = await Assert.ThrowsAsync<PlatformApiException>(() => sandbox.Merchants.SendMerchantMessageAsync(
            "2611240000000002", new MerchantMessageRequest("hello", ["not a url"]), "m2", CancellationToken.None));

        Assert.Equal(PlatformErrorCodes.OrderNotFound, view.Code);
        Assert.Equal(PlatformErrorCodes.OrderNotFound, send.Code);
        Assert.Equal(PlatformErrorCodes.InvalidRequest, attachment.Code);
        Assert.Contains("attachmentUrls", attachment.Message, StringComparison.Ordinal);
    }
}
