using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;

namespace HelpBot.Browser.Tests;

/// <summary>The page and its token endpoint over real HTTP, without a browser.</summary>
public sealed class WebChatEndpointTests(BrowserTestHost host) : IClassFixture<BrowserTestHost>
{
    [Fact]
    public async Task Root_serves_the_page_and_the_webchat_bundle_from_npm()
    {
        using var page = await host.Http.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("lib/botframework-webchat/webchat.js", html, StringComparison.Ordinal);

        using var bundle = await host.Http.GetAsync(new Uri("/lib/botframework-webchat/webchat.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Contains("javascript", bundle.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("renderWebChat", await bundle.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_starts_a_conversation_for_the_demo_user_with_a_welcome_in_the_chosen_language()
    {
        var answer = await RequestTokenAsync("""{"userId": "demo-user", "locale": "en-US"}""");
        Assert.Equal("demo-user", (string?)answer["userId"]);
        Assert.Equal("en-US", (string?)answer["locale"]);
        Assert.Equal(3600, (int?)answer["expires_in"]);
        var token = (string)answer["token"]!;
        var conversationId = (string)answer["conversationId"]!;

        // The page's Web Chat does this: start the token's conversation with the locale, then read the activities.
        using var start = new HttpRequestMessage(HttpMethod.Post, new Uri("/v3/directline/conversations", UriKind.Relative))
        {
            Content = new StringContent("""{"locale": "en-US"}""", Encoding.UTF8, "application/json"),
        };
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var started = await host.Http.SendAsync(start);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(conversationId, (string?)(await started.Content.ReadFromJsonAsync<JsonObject>())!["conversationId"]);

        // Read as Web Chat does, again until the welcome is there: on a busy machine the bot may answer after the
        // start has returned (the channel stops waiting for it after DirectLine:BotTimeout).
        JsonArray set = [];
        for (var attempt = 0; attempt < 60 && !set.Any(IsWelcome); attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(500);
            }

            using var read = new HttpRequestMessage(HttpMethod.Get, new Uri($"/v3/directline/conversations/{conversationId}/activities", UriKind.Relative));
            read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var activities = await host.Http.SendAsync(read);
            set = (await activities.Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray();
        }

        Assert.Contains(set, IsWelcome);

        var update = Assert.Single(host.Received, a => a.Conversation?.Id == conversationId && a.Type == ActivityTypes.ConversationUpdate);
        Assert.Contains(update.AsConversationUpdateActivity().MembersAdded, m => m.Id == "demo-user");
    }

    private static bool IsWelcome(JsonNode? activity) =>
        ((string?)activity!["text"])?.Contains("HelpBot", StringComparison.Ordinal) == true && (string?)activity["from"]!["role"] == "bot";

    [Fact]
    public async Task Token_without_a_user_is_for_a_new_anonymous_user_in_Chinese()
    {
        var answer = await RequestTokenAsync("{}");
        Assert.StartsWith("dl_", (string?)answer["userId"], StringComparison.Ordinal);
        Assert.Equal("zh-CN", (string?)answer["locale"]);

        var other = await RequestTokenAsync("""{"userId": null, "locale": "zh-cn"}""");
        Assert.NotEqual((string?)answer["userId"], (string?)other["userId"]);
        Assert.NotEqual((string?)answer["conversationId"], (string?)other["conversationId"]);
        Assert.Equal("zh-CN", (string?)other["locale"]);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("""{"userId": 5}""")]
    [InlineData("""{"userId": "somebody-else"}""")]
    [InlineData("""{"userId": "demo-user", "locale": "fr-FR"}""")]
    [InlineData("""{"locale": ["en-US"]}""")]
    public async Task Bad_token_requests_get_400_with_a_message(string body)
    {
        using var response = await PostTokenAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.False(string.IsNullOrWhiteSpace((string?)error!["error"]));
    }

    [Fact]
    public async Task Oversized_token_request_gets_413()
    {
        using var response = await PostTokenAsync("{\"userId\": \"" + new string('a', 10_000) + "\"}");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private async Task<JsonObject> RequestTokenAsync(string body)
    {
        using var response = await PostTokenAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /api/webchat/token answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private Task<HttpResponseMessage> PostTokenAsync(string body) =>
        host.Http.PostAsync(new Uri("/api/webchat/token", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
}
