using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace HelpBot.EndToEnd.Tests;

public class HostBehaviourTests
{
    private const string ValidActivity = """
        {"type":"message","text":"你好","locale":"zh-CN","from":{"id":"demo-user"},"conversation":{"id":"h1"},
         "channelId":"webchat","serviceUrl":"http://localhost:1","deliveryMode":"expectReplies","recipient":{"id":"bot"}}
        """;

    [Fact]
    public async Task Liveness_and_readiness_answer()
    {
        await using var server = await HelpBotServer.StartAsync();

        using var live = await server.Http.GetAsync("/healthz");
        using var ready = await server.Http.GetAsync("/readyz");
        var readyBody = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", (string?)readyBody["checks"]!["platform"]!["status"]);
    }

    [Fact]
    public async Task A_valid_activity_is_answered()
    {
        await using var server = await HelpBotServer.StartAsync();
        using var response = await Post(server, ValidActivity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("[1,2,3]", "JSON object")]
    [InlineData("""{"type":5,"conversation":{"id":"x"},"from":{"id":"u"},"serviceUrl":"http://localhost:1"}""", "\"type\"")]
    [InlineData("""{"type":"message","conversation":null,"from":{"id":"u"},"serviceUrl":"http://localhost:1"}""", "\"conversation\"")]
    [InlineData("""{"type":"message","conversation":{"id":""},"from":{"id":"u"},"serviceUrl":"http://localhost:1"}""", "\"conversation\"")]
    [InlineData("""{"type":"message","conversation":{"id":"x"},"from":{"id":"u"}}""", "\"serviceUrl\"")]
    [InlineData("""{"type":"message","conversation":{"id":"x"},"from":{"id":"u"},"serviceUrl":"file:///etc/passwd"}""", "\"serviceUrl\"")]
    [InlineData("""{"type":"message","conversation":{"id":"x"},"serviceUrl":"http://localhost:1"}""", "\"from\"")]
    [InlineData("""{"type":"message","conversation":{"id":"x"},"from":"u","serviceUrl":"http://localhost:1"}""", "\"from\"")]
    [InlineData("""{"type":"message","text":5,"conversation":{"id":"x"},"from":{"id":"u"},"serviceUrl":"http://localhost:1"}""", "\"text\"")]
    [InlineData("""{"type":"message","attachments":{},"conversation":{"id":"x"},"from":{"id":"u"},"serviceUrl":"http://localhost:1"}""", "\"attachments\"")]
    [InlineData("""{"type":"message","timestamp":"yesterday","conversation":{"id":"x"},"from":{"id":"u"},"serviceUrl":"http://localhost:1"}""", "wrong type")]
    public async Task A_malformed_activity_gets_400_with_a_reason(string body, string reasonFragment)
    {
        await using var server = await HelpBotServer.StartAsync();
        using var response = await Post(server, body);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reasonFragment, (string?)JsonNode.Parse(text)!["error"]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deeply_nested_channel_data_is_refused()
    {
        await using var server = await HelpBotServer.StartAsync();
        var nested = string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200);
        var body = ValidActivity.TrimEnd().TrimEnd('}') + ",\"channelData\":" + nested + "}";
        using var response = await Post(server, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Too_many_attachments_are_refused()
    {
        await using var server = await HelpBotServer.StartAsync();
        var attachments = string.Join(',', Enumerable.Repeat("""{"contentType":"image/png","contentUrl":"http://localhost:1/a.png"}""", 30));
        var body = ValidActivity.TrimEnd().TrimEnd('}') + ",\"attachments\":[" + attachments + "]}";
        using var response = await Post(server, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_huge_body_gets_413()
    {
        await using var server = await HelpBotServer.StartAsync();
        var body = ValidActivity.Replace("你好", new string('好', 400_000), StringComparison.Ordinal);
        using var response = await Post(server, body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_huge_chunked_body_without_a_length_gets_413()
    {
        await using var server = await HelpBotServer.StartAsync();
        var body = Encoding.UTF8.GetBytes(ValidActivity.Replace("你好", new string('好', 400_000), StringComparison.Ordinal));
        using var content = new StreamContent(new MemoryStream(body));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_415()
    {
        await using var server = await HelpBotServer.StartAsync();
        using var content = new StringContent("type=message", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await server.Http.PostAsync("/api/messages", content);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    private static Task<HttpResponseMessage> Post(HelpBotServer server, string body) =>
        server.Http.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
}
