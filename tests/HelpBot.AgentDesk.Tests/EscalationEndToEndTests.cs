using System.Text.Json.Nodes;
using HelpBot.AgentDesk.Tests.Infrastructure;

namespace HelpBot.AgentDesk.Tests;

public sealed class EscalationEndToEndTests
{
    [Fact]
    public async Task A_charged_but_unpaid_order_reaches_an_agent_who_answers_in_the_customers_chat()
    {
        await using var channel = await ChannelRecorder.StartAsync();
        await using var server = await DeskServer.StartAsync(channel.BaseUrl);
        const string conversation = "e2e-pay";

        var caseId = await Escalations.ChargedButUnpaidAsync(server, conversation, ("image/png", TestImages.PngDataUrl));
        Assert.Matches(Escalations.CaseNumber(), caseId);

        // The queue shows it with what an agent sorts by.
        var queue = (await server.GetJsonAsync("/api/agent/escalations"))["escalations"]!.AsArray();
        var entry = queue.Single(e => (string?)e!["id"] == caseId)!;
        Assert.Equal("payment_failed", (string?)entry["problemType"]);
        Assert.Equal("zh-CN", (string?)entry["language"]);
        Assert.Equal(Escalations.ChargedButUnpaidOrder, (string?)entry["orderNumber"]);
        Assert.Equal(1, (int?)entry["queuePosition"]);
        Assert.NotNull(entry["waitingSeconds"]);

        // The case carries everything, so nobody asks the customer again.
        var details = await server.GetJsonAsync($"/api/agent/escalations/{caseId}");
        Assert.Equal(Escalations.ChargedButUnpaidOrder, (string?)details["orderNumber"]);
        Assert.Equal(Escalations.ChargedButUnpaidOrder, (string?)details["orderSnapshot"]!["orderNumber"]);
        Assert.Contains("charged_but_unpaid", details["findings"]!.AsArray().Select(f => (string?)f));
        Assert.Contains(details["actions"]!.AsArray(), a => (string?)a!["name"] == "support_ticket" && (string?)a["outcome"] == "done");
        Assert.False(string.IsNullOrEmpty((string?)details["platformTicketId"]));
        var screenshot = details["attachments"]!.AsArray().Single()!;
        Assert.Equal("image/png", (string?)screenshot["contentType"]);
        using (var image = await server.Agent.GetAsync((string)screenshot["url"]!))
        {
            Assert.True(image.IsSuccessStatusCode);
            Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TestImages.Png, await image.Content.ReadAsByteArrayAsync());
        }

        var transcript = (await server.GetJsonAsync($"/api/agent/escalations/{caseId}/transcript")).AsArray();
        var texts = transcript.Select(a => (string?)a!["text"] ?? string.Empty).ToList();
        Assert.Contains("支付问题", texts);
        Assert.Contains(texts, t => t.Contains("不要重复支付", StringComparison.Ordinal) || t.Contains("重复", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains(caseId, StringComparison.Ordinal));
        Assert.Contains(transcript, a => a!["attachments"] is JsonArray { Count: 1 });

        // The customer can ask where they are.
        Assert.Contains("第 **1** 位", DeskServer.TextOf(await server.SayAsync(conversation, "排到第几了")), StringComparison.Ordinal);

        // Claim: the customer hears who has it.
        var claimed = await server.PostJsonAsync($"/api/agent/escalations/{caseId}/claim", new { agent = "Lin" });
        Assert.Equal("claimed", (string?)claimed["status"]);
        await channel.WaitForMessageAsync(conversation, "Lin");

        // While the agent holds it, the customer's words go to the agent, not to the bot.
        var heldReplies = await server.SayAsync(conversation, "我被扣了两次钱吗？");
        Assert.Empty(heldReplies);
        var held = await server.GetJsonAsync($"/api/agent/escalations/{caseId}");
        Assert.Contains(held["messages"]!.AsArray(), m => (string?)m!["from"] == "customer" && (string?)m["text"] == "我被扣了两次钱吗？");

        // The agent's reply arrives in the customer's conversation.
        await server.PostJsonAsync($"/api/agent/escalations/{caseId}/messages", new { text = "没有重复扣款，款项会在 1 小时内自动退回。", agent = "Lin" });
        var reply = await channel.WaitForMessageAsync(conversation, "款项会在 1 小时内自动退回");
        Assert.Equal(conversation, (string?)reply["conversation"]!["id"]);

        // Closing hands the conversation back and asks for a rating.
        var closed = await server.PostJsonAsync($"/api/agent/escalations/{caseId}/close", new { resolution = "refunded", note = "auto refund confirmed" });
        Assert.Equal("closed", (string?)closed["status"]);
        await channel.WaitForMessageAsync(conversation, "已为你退款");
        var rating = await channel.WaitForMessageAsync(conversation, "评分");
        Assert.NotEmpty(rating["suggestedActions"]!["actions"]!.AsArray());

        var thanks = DeskServer.TextOf(await server.SayAsync(conversation, "⭐⭐⭐⭐⭐"));
        Assert.False(string.IsNullOrWhiteSpace(thanks));
        var final = await server.GetJsonAsync($"/api/agent/escalations/{caseId}");
        Assert.Equal(5, (int?)final["rating"]);
        Assert.Equal("refunded", (string?)final["resolution"]);
        Assert.DoesNotContain((await server.GetJsonAsync("/api/agent/escalations"))["escalations"]!.AsArray(), e => (string?)e!["id"] == caseId);

        // The bot answers again.
        Assert.Contains("2611240000000001", DeskServer.TextOf(await server.SayAsync(conversation, "查订单")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_for_a_person_opens_a_case_in_english_without_screenshots()
    {
        await using var channel = await ChannelRecorder.StartAsync();
        await using var server = await DeskServer.StartAsync(channel.BaseUrl);

        var ask = DeskServer.TextOf(await server.SayAsync("e2e-human", "I want to talk to a human agent", "en-US"));
        Assert.Contains("screenshots", ask, StringComparison.Ordinal);
        var queued = DeskServer.TextOf(await server.SayAsync("e2e-human", "No screenshots", "en-US"));
        Assert.Contains("platform support", queued, StringComparison.Ordinal);
        var caseId = Escalations.CaseNumber().Match(queued).Value;

        var details = await server.GetJsonAsync($"/api/agent/escalations/{caseId}");
        Assert.Equal("en-US", (string?)details["language"]);
        Assert.Empty(details["attachments"]!.AsArray());

        // Asking again does not open a second case.
        var again = DeskServer.TextOf(await server.SayAsync("e2e-human", "I want to talk to a human agent", "en-US"));
        Assert.Contains(caseId, again, StringComparison.Ordinal);
        Assert.Single((await server.GetJsonAsync("/api/agent/escalations"))["escalations"]!.AsArray());
    }

    [Fact]
    public async Task Another_customers_order_is_not_escalated_without_the_phone_check()
    {
        await using var channel = await ChannelRecorder.StartAsync();
        await using var server = await DeskServer.StartAsync(channel.BaseUrl);

        await server.SayAsync("e2e-foreign", "支付问题", userId: "someone-else");
        var reply = DeskServer.TextOf(await server.SayAsync("e2e-foreign", Escalations.ChargedButUnpaidOrder, userId: "someone-else"));
        Assert.Contains("手机", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("转给客服处理", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("13800138000", reply, StringComparison.Ordinal);
        Assert.Empty((await server.GetJsonAsync("/api/agent/escalations"))["escalations"]!.AsArray());
    }

    [Fact]
    public async Task Bad_attachments_get_a_clear_message_and_are_not_stored()
    {
        await using var channel = await ChannelRecorder.StartAsync();
        await using var server = await DeskServer.StartAsync(channel.BaseUrl, new Dictionary<string, string?>
        {
            // The recorder plays the channel's attachment host (loopback, trusted because it is configured as ours).
            ["AgentDesk:ChannelAttachmentBaseUrls:0"] = new Uri(channel.BaseUrl, "files/").AbsoluteUri,
            ["AgentDesk:AttachmentHosts:0"] = "169.254.169.254",
            ["AgentDesk:AttachmentHosts:1"] = "localhost",
        });
        const string conversation = "e2e-bad";
        await server.SayAsync(conversation, "支付问题");
        await server.SayAsync(conversation, Escalations.ChargedButUnpaidOrder);
        await server.SayAsync(conversation, "转给客服处理");

        async Task<string> Send(string url) => DeskServer.TextOf(await server.SayAsync(conversation, null, attachments: ("image/png", url)));

        Assert.Contains("PNG、JPEG 或 WebP", await Send("data:image/png;base64," + Convert.ToBase64String("not a picture at all"u8.ToArray())), StringComparison.Ordinal);
        Assert.Contains("PNG、JPEG 或 WebP", await Send(new Uri(channel.BaseUrl, "files/not-a-picture.png").AbsoluteUri), StringComparison.Ordinal);
        Assert.Contains("超过 4 MB", await Send(new Uri(channel.BaseUrl, "files/big.png").AbsoluteUri), StringComparison.Ordinal);
        Assert.Contains("其他网站的链接无法打开", await Send("https://images.example.com/a.png"), StringComparison.Ordinal);
        Assert.Contains("其他网站的链接无法打开", await Send("http://169.254.169.254/latest/meta-data"), StringComparison.Ordinal);
        Assert.Contains("其他网站的链接无法打开", await Send("file:///etc/passwd"), StringComparison.Ordinal);
        // A configured host that is loopback is refused (only the channel's own host may be).
        Assert.Contains("其他网站的链接无法打开", await Send(new Uri(server.Address, "/healthz").AbsoluteUri.Replace("127.0.0.1", "localhost", StringComparison.Ordinal)), StringComparison.Ordinal);
        // Redirects are not followed, not even from the channel's host.
        Assert.Contains("没能打开", await Send(new Uri(channel.BaseUrl, "files/moved.png").AbsoluteUri), StringComparison.Ordinal);

        // A real screenshot from the channel's host is taken.
        Assert.Contains("1/5", await Send(new Uri(channel.BaseUrl, "files/small.png").AbsoluteUri), StringComparison.Ordinal);
        var queued = DeskServer.TextOf(await server.SayAsync(conversation, "发完了"));
        var caseId = Escalations.CaseNumber().Match(queued).Value;
        var stored = (await server.GetJsonAsync($"/api/agent/escalations/{caseId}"))["attachments"]!.AsArray();
        Assert.Equal("image/png", (string?)Assert.Single(stored)!["contentType"]);
    }
}
