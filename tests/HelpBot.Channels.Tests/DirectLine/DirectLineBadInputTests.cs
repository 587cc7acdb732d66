using System.Net;
using System.Text;
using HelpBot.Channels.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace HelpBot.Channels.Tests.DirectLine;

public sealed class DirectLineBadInputTests
{
    public enum Credential
    {
        None,
        Secret,
        Token,
        Garbage,
    }

    public static TheoryData<string, string, Credential, string?, string?, HttpStatusCode> ClientRequests => new()
    {
        // method, path ({c} = the started conversation), credential, content type, body, expected status
        { "POST", "conversations/{c}/activities", Credential.Token, "application/json", "{not json", HttpStatusCode.BadRequest },
        { "POST", "conversations/{c}/activities", Credential.Token, "application/json", "null", HttpStatusCode.BadRequest },
        { "POST", "conversations/{c}/activities", Credential.Token, "application/json", "[1,2]", HttpStatusCode.BadRequest },
        { "POST", "conversations/{c}/activities", Credential.Token, "application/json", "{\"text\":\"no type\"}", HttpStatusCode.BadRequest },
        { "POST", "conversations/{c}/activities", Credential.Token, "application/json", "{\"type\":\"message\",\"timestamp\":\"yesterday\"}", HttpStatusCode.BadRequest },
        { "POST", "conversations/{c}/activities", Credential.None, "application/json", "{\"type\":\"message\"}", HttpStatusCode.Forbidden },
        { "POST", "conversations/{c}/activities", Credential.Garbage, "application/json", "{\"type\":\"message\"}", HttpStatusCode.Forbidden },
        { "POST", "conversations/unknown-conversation/activities", Credential.Secret, "application/json", "{\"type\":\"message\"}", HttpStatusCode.NotFound },
        { "GET", "conversations/unknown-conversation/activities", Credential.Secret, null, null, HttpStatusCode.NotFound },
        { "GET", "conversations/unknown-conversation", Credential.Secret, null, null, HttpStatusCode.NotFound },
        { "GET", "conversations/{c}/activities?watermark=abc", Credential.Token, null, null, HttpStatusCode.BadRequest },
        { "GET", "conversations/{c}/activities?watermark=-5", Credential.Token, null, null, HttpStatusCode.BadRequest },
        { "GET", "conversations/{c}/stream", Credential.Token, null, null, HttpStatusCode.BadRequest },
        { "POST", "conversations/{c}/upload", Credential.Token, "application/json", "{}", HttpStatusCode.UnsupportedMediaType },
        { "POST", "conversations/{c}/upload", Credential.Token, "multipart/form-data", "no boundary", HttpStatusCode.BadRequest },
        { "POST", "conversations/{c}/upload", Credential.Token, "multipart/form-data; boundary=xyz", "not really multipart", HttpStatusCode.BadRequest },
        { "POST", "tokens/generate", Credential.Secret, "application/json", "{\"user\":\"not an object\"}", HttpStatusCode.BadRequest },
        { "POST", "tokens/generate", Credential.Secret, "application/json", "{\"user\":{\"id\":\"bad\\u0001id\"}}", HttpStatusCode.BadRequest },
        { "POST", "tokens/generate", Credential.None, null, null, HttpStatusCode.Forbidden },
        { "POST", "tokens/refresh", Credential.Garbage, null, null, HttpStatusCode.Forbidden },
        { "POST", "conversations", Credential.Garbage, null, null, HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(ClientRequests))]
    public async Task Bad_client_requests_get_a_4xx_with_a_json_error(string method, string path, Credential credential, string? contentType, string? body, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(path);
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host);
        var started = await client.StartConversationAsync("demo-user");
        var conversationId = (string)started["conversationId"]!;

        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(host.DirectLineDomain + "/" + path.Replace("{c}", conversationId, StringComparison.Ordinal)));
        var bearer = credential switch
        {
            Credential.Secret => DirectLineTestHost.Secret,
            Credential.Token => (string)started["token"]!,
            Credential.Garbage => "dl1.bm90LWEtdG9rZW4.c2lnbmF0dXJl",
            _ => null,
        };
        if (bearer is not null)
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + bearer);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await host.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        var error = JObject.Parse(text)["error"];
        Assert.False(string.IsNullOrEmpty((string?)error?["code"]), text);
        Assert.False(string.IsNullOrEmpty((string?)error?["message"]), text);
    }

    [Fact]
    public async Task An_activity_body_over_the_cap_is_413()
    {
        await using var host = await DirectLineTestHost.StartAsync(new Dictionary<string, string?> { ["DirectLine:MaxActivityBytes"] = "2048" });
        var client = new DirectLineTestClient(host);
        var started = await client.StartConversationAsync("demo-user");

        using var response = await client.SendAsync(HttpMethod.Post, $"conversations/{started["conversationId"]}/activities", (string)started["token"]!, new JObject { ["type"] = "message", ["text"] = new string('x', 4096) }.ToString());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.NotNull((await DirectLineTestClient.ReadJsonAsync(response))["error"]);
    }

    [Theory]
    [InlineData("POST", "v3/conversations/unknown-conversation/activities", "{\"type\":\"message\",\"text\":\"hi\"}", HttpStatusCode.NotFound)]
    [InlineData("POST", "v3/conversations/{c}/activities", "{broken", HttpStatusCode.BadRequest)]
    [InlineData("POST", "v3/conversations/{c}/activities", "{\"text\":\"no type\"}", HttpStatusCode.BadRequest)]
    [InlineData("PUT", "v3/conversations/{c}/activities/x", "{\"type\":\"message\"}", HttpStatusCode.MethodNotAllowed)]
    [InlineData("POST", "v3/conversations/{c}/attachments", "{\"type\":\"image/png\"}", HttpStatusCode.BadRequest)]
    [InlineData("GET", "v3/attachments/unknown", null, HttpStatusCode.NotFound)]
    [InlineData("GET", "v3/attachments/unknown/views/original", null, HttpStatusCode.NotFound)]
    public async Task Bad_bot_connector_requests_get_a_4xx_with_a_json_error(string method, string path, string? body, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(path);
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host);
        var started = await client.StartConversationAsync("demo-user");

        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(host.ChannelUrls.ServiceUrl, path.Replace("{c}", (string)started["conversationId"]!, StringComparison.Ordinal)));
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await host.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.False(string.IsNullOrEmpty((string?)JObject.Parse(text)["error"]?["code"]), text);
    }
}
