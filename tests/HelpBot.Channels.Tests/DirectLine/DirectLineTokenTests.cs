using System.Net;
using System.Text;
using HelpBot.Channels.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace HelpBot.Channels.Tests.DirectLine;

public sealed class DirectLineTokenTests
{
    [Fact]
    public async Task Generate_binds_the_token_to_the_user_and_a_conversation_that_start_then_uses()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host);

        var generated = await client.GenerateTokenAsync("demo-user");
        Assert.Equal(3600, (int)generated["expires_in"]!);
        using var start = await client.SendAsync(HttpMethod.Post, "conversations", (string)generated["token"]!);
        var started = await DirectLineTestClient.ReadJsonAsync(start);

        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        Assert.Equal((string)generated["conversationId"]!, (string)started["conversationId"]!);
        var streamUrl = new Uri((string)started["streamUrl"]!);
        Assert.Equal("ws", streamUrl.Scheme);
        Assert.Contains("t=", streamUrl.Query, StringComparison.Ordinal);
        var welcome = host.Bot.Received.Single(a => a.Type == "conversationUpdate");
        Assert.Contains(welcome.AsConversationUpdateActivity().MembersAdded, m => m.Id == "demo-user");
    }

    [Fact]
    public async Task Generate_without_a_body_picks_a_dl_user_id()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host);

        var started = await client.StartConversationAsync(userId: null);
        var conversationId = (string)started["conversationId"]!;
        await client.PostMessageAsync(conversationId, (string)started["token"]!, "hi");

        var seen = host.Bot.Received.Single(a => a.Type == "message");
        Assert.StartsWith("dl_", seen.From.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_cannot_generate_tokens()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host);
        var generated = await client.GenerateTokenAsync("demo-user");

        using var response = await client.SendAsync(HttpMethod.Post, "tokens/generate", (string)generated["token"]!);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Refresh_returns_a_working_token_for_the_same_conversation_and_refuses_the_secret()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host);
        var started = await client.StartConversationAsync("demo-user");
        var conversationId = (string)started["conversationId"]!;
        host.Clock.Advance(TimeSpan.FromMinutes(30));

        var refreshed = await client.SendOkAsync(HttpMethod.Post, "tokens/refresh", (string)started["token"]!);
        host.Clock.Advance(TimeSpan.FromMinutes(45)); // past the first token's hour, within the refreshed one's
        await client.PostMessageAsync(conversationId, (string)refreshed["token"]!, "still here");
        using var bySecret = await client.SendAsync(HttpMethod.Post, "tokens/refresh", DirectLineTestHost.Secret);

        Assert.Equal(conversationId, (string)refreshed["conversationId"]!);
        Assert.Equal(HttpStatusCode.Forbidden, bySecret.StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_refused_with_TokenExpired()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host);
        var started = await client.StartConversationAsync("demo-user");
        host.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        using var get = await client.SendAsync(HttpMethod.Get, $"conversations/{started["conversationId"]}/activities", (string)started["token"]!);
        using var refresh = await client.SendAsync(HttpMethod.Post, "tokens/refresh", (string)started["token"]!);

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal("TokenExpired", (string)(await DirectLineTestClient.ReadJsonAsync(get))["error"]!["code"]!);
        Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
    }

    [Fact]
    public async Task A_token_whose_payload_was_altered_is_refused()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host);
        var started = await client.StartConversationAsync("demo-user");
        var parts = ((string)started["token"]!).Split('.');
        var payload = JObject.Parse(Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])));
        payload["user"] = "admin";
        var forged = $"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToString(Newtonsoft.Json.Formatting.None)))}.{parts[2]}";

        using var response = await client.SendAsync(HttpMethod.Get, $"conversations/{started["conversationId"]}/activities", forged);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotNull((await DirectLineTestClient.ReadJsonAsync(response))["error"]?["message"]);
    }

    [Fact]
    public async Task A_token_of_one_conversation_cannot_touch_another()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host);
        var alice = await client.StartConversationAsync("alice");
        var bob = await client.StartConversationAsync("bob");
        var bobConversation = (string)bob["conversationId"]!;
        var aliceToken = (string)alice["token"]!;

        using var read = await client.SendAsync(HttpMethod.Get, $"conversations/{bobConversation}/activities", aliceToken);
        using var post = await client.SendAsync(HttpMethod.Post, $"conversations/{bobConversation}/activities", aliceToken, "{\"type\":\"message\",\"text\":\"hi\"}");
        using var reconnect = await client.SendAsync(HttpMethod.Get, $"conversations/{bobConversation}", aliceToken);
        using var stream = await client.SendAsync(HttpMethod.Get, $"conversations/{bobConversation}/stream?t={Uri.EscapeDataString(aliceToken)}", credential: null);

        Assert.All([read, post, reconnect, stream], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.DoesNotContain(host.Bot.Received, a => a.Type == "message");
    }

    [Fact]
    public async Task The_token_decides_the_sender_whatever_from_id_the_client_sends()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host);
        var started = await client.StartConversationAsync("demo-user");
        var conversationId = (string)started["conversationId"]!;
        var token = (string)started["token"]!;

        await client.PostMessageAsync(conversationId, token, "I am someone else", fromId: "someone-else");
        var activities = await client.GetActivitiesAsync(conversationId, token);

        Assert.Equal("demo-user", host.Bot.Received.Single(a => a.Type == "message").From.Id);
        var logged = activities["activities"]!.Single(a => (string?)a["text"] == "I am someone else");
        Assert.Equal("demo-user", (string)logged["from"]!["id"]!);
    }
}
