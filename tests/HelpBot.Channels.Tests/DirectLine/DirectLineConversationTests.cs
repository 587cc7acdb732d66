using System.Net;
using System.Net.WebSockets;
using HelpBot.Channels.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace HelpBot.Channels.Tests.DirectLine;

public sealed class DirectLineConversationTests
{
    [Fact]
    public async Task Messages_and_replies_are_read_back_by_watermark()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host);
        var started = await client.StartConversationAsync("demo-user");
        var conversationId = (string)started["conversationId"]!;
        var token = (string)started["token"]!;

        var posted = await client.PostMessageAsync(conversationId, token, "hello");
        var first = await client.GetActivitiesAsync(conversationId, token);
        var watermark = (string)first["watermark"]!;
        var nothingNew = await client.GetActivitiesAsync(conversationId, token, watermark);
        await client.PostMessageAsync(conversationId, token, "again");
        var second = await client.GetActivitiesAsync(conversationId, token, watermark);

        var texts = first["activities"]!.Select(a => (string?)a["text"]).ToList();
        Assert.Equal(["welcome demo-user", "hello", "echo: hello"], texts.Where(t => t is not null));
        Assert.StartsWith(conversationId + "|", (string)posted["id"]!, StringComparison.Ordinal);
        Assert.Empty(nothingNew["activities"]!);
        Assert.Equal(["again", "echo: again"], second["activities"]!.Select(a => (string?)a["text"]).Where(t => t is not null));
    }

    [Fact]
    public async Task Bot_activities_carry_the_direct_line_addressing()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host);
        var started = await client.StartConversationAsync("demo-user");
        var conversationId = (string)started["conversationId"]!;
        var token = (string)started["token"]!;

        var posted = await client.PostMessageAsync(conversationId, token, "hello");
        var activities = (await client.GetActivitiesAsync(conversationId, token))["activities"]!;

        var seen = host.Bot.Received.Single(a => a.Type == "message");
        Assert.Equal("directline", seen.ChannelId);
        Assert.Equal(host.ChannelUrls.ServiceUrl.AbsoluteUri, seen.ServiceUrl);
        Assert.Equal(conversationId, seen.Conversation.Id);
        Assert.Equal("helpbot", seen.Recipient.Id);
        var echo = activities.Single(a => (string?)a["text"] == "echo: hello");
        Assert.Equal("helpbot", (string)echo["from"]!["id"]!);
        Assert.Equal("demo-user", (string)echo["recipient"]!["id"]!);
        Assert.Equal((string)posted["id"]!, (string)echo["replyToId"]!);
        Assert.Equal("directline", (string)echo["channelId"]!);
    }

    [Fact]
    public async Task Typing_activities_from_the_bot_pass_through()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host);
        var started = await client.StartConversationAsync("demo-user");
        var conversationId = (string)started["conversationId"]!;
        var token = (string)started["token"]!;

        await client.PostMessageAsync(conversationId, token, "hello");
        var activities = (await client.GetActivitiesAsync(conversationId, token))["activities"]!;

        Assert.Contains(activities, a => (string?)a["type"] == "typing" && (string?)a["from"]?["id"] == "helpbot");
    }

    [Fact]
    public async Task Proactive_messages_reach_the_conversation()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host);
        var started = await client.StartConversationAsync("demo-user");
        var conversationId = (string)started["conversationId"]!;
        var token = (string)started["token"]!;
        await client.PostMessageAsync(conversationId, token, "hello");
        var watermark = (string)(await client.GetActivitiesAsync(conversationId, token))["watermark"]!;

        await host.SendProactiveAsync(conversationId, "your order is on its way");
        var later = await client.GetActivitiesAsync(conversationId, token, watermark);

        var proactive = Assert.Single(later["activities"]!);
        Assert.Equal("your order is on its way", (string)proactive["text"]!);
        Assert.Equal("demo-user", (string)proactive["recipient"]!["id"]!);
    }

    [Fact]
    public async Task The_WebSocket_stream_pushes_the_backlog_and_new_activities()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host);
        var started = await client.StartConversationAsync("demo-user");
        var conversationId = (string)started["conversationId"]!;
        var token = (string)started["token"]!;
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri((string)started["streamUrl"]!), CancellationToken.None);

        var welcome = await DirectLineTestClient.ReceiveUntilAsync(socket, a => (string?)a["text"] == "welcome demo-user");
        await client.PostMessageAsync(conversationId, token, "over the socket");
        var echo = await DirectLineTestClient.ReceiveUntilAsync(socket, a => (string?)a["text"] == "echo: over the socket");
        await host.SendProactiveAsync(conversationId, "pushed later");
        var proactive = await DirectLineTestClient.ReceiveUntilAsync(socket, a => (string?)a["text"] == "pushed later");
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);

        Assert.Equal("helpbot", (string)welcome["from"]!["id"]!);
        Assert.Equal("helpbot", (string)echo["from"]!["id"]!);
        Assert.Equal(conversationId, (string)proactive["conversation"]!["id"]!);
    }

    [Fact]
    public async Task The_stream_sends_empty_heartbeats_when_idle()
    {
        await using var host = await DirectLineTestHost.StartAsync(new Dictionary<string, string?> { ["DirectLine:StreamHeartbeatInterval"] = "00:00:01" });
        var client = new DirectLineTestClient(host);
        var started = await client.StartConversationAsync("demo-user");
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri((string)started["streamUrl"]!), CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var messages = new List<string>();
        while (messages.Count == 0 || messages[^1].Length > 0)
            messages.Add(await DirectLineTestClient.ReceiveTextAsync(socket, timeout.Token));

        Assert.Equal(string.Empty, messages[^1]);
    }

    [Fact]
    public async Task Reconnect_gives_a_fresh_token_and_a_stream_url_from_the_watermark()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host);
        var started = await client.StartConversationAsync("demo-user");
        var conversationId = (string)started["conversationId"]!;
        var token = (string)started["token"]!;
        await client.PostMessageAsync(conversationId, token, "before the reconnect");
        var watermark = (string)(await client.GetActivitiesAsync(conversationId, token))["watermark"]!;

        var reconnected = await client.SendOkAsync(HttpMethod.Get, $"conversations/{conversationId}?watermark={watermark}", token);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri((string)reconnected["streamUrl"]!), CancellationToken.None);
        await client.PostMessageAsync(conversationId, (string)reconnected["token"]!, "after the reconnect");
        var raw = new List<string>();
        await DirectLineTestClient.ReceiveUntilAsync(socket, a => (string?)a["text"] == "echo: after the reconnect", raw);

        Assert.Equal(conversationId, (string)reconnected["conversationId"]!);
        Assert.Contains("watermark=" + watermark, (string)reconnected["streamUrl"]!, StringComparison.Ordinal);
        Assert.DoesNotContain(raw, m => m.Contains("before the reconnect", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Starting_the_same_conversation_again_resumes_it()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host);
        var generated = await client.GenerateTokenAsync("demo-user");
        var token = (string)generated["token"]!;

        using var first = await client.SendAsync(HttpMethod.Post, "conversations", token);
        using var second = await client.SendAsync(HttpMethod.Post, "conversations", token);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(host.Bot.Received, a => a.Type == "conversationUpdate");
    }

    [Fact]
    public async Task The_secret_starts_conversations_for_the_user_in_the_body()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host);

        var started = await client.SendOkAsync(HttpMethod.Post, "conversations", DirectLineTestHost.Secret, new JObject { ["user"] = new JObject { ["id"] = "dl_backend-user" } }.ToString());
        await client.PostMessageAsync((string)started["conversationId"]!, (string)started["token"]!, "hi");

        Assert.Equal("dl_backend-user", host.Bot.Received.Single(a => a.Type == "message").From.Id);
    }
}
