using System.Net;
using System.Text.Json;

namespace HelpBot.EndToEnd.Tests.Deployment;

/// <summary>
/// The OpenAPI documents of the agent desk, NLU and ops APIs, fetched over real Kestrel: valid OpenAPI 3 JSON whose
/// paths are the endpoints the host maps, and nothing else (no bot or Direct Line endpoints in them).
/// </summary>
public sealed class OpenApiDocumentTests
{
    [Theory]
    [InlineData("agent", new[] { "/api/agent/escalations", "/api/agent/escalations/{id}", "/api/agent/escalations/{id}/transcript", "/api/agent/escalations/{id}/attachments/{attachmentId}", "/api/agent/escalations/{id}/claim", "/api/agent/escalations/{id}/messages", "/api/agent/escalations/{id}/close" })]
    [InlineData("nlu", new[] { "/api/nlu/parse" })]
    [InlineData("ops", new[] { "/healthz", "/readyz" })]
    public async Task Each_api_has_a_document_with_its_paths(string document, string[] paths)
    {
        await using var server = await HelpBotServer.StartAsync();

        using var response = await server.Http.GetAsync($"/openapi/{document}.json");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.StartsWith("3.", json.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("info").GetProperty("title").GetString()));
        var documented = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(paths.Order(StringComparer.Ordinal).ToArray(), documented);
    }

    [Fact]
    public async Task The_documented_methods_are_the_ones_the_host_answers()
    {
        await using var server = await HelpBotServer.StartAsync();
        using var ops = JsonDocument.Parse(await server.Http.GetStringAsync("/openapi/ops.json"));
        using var nlu = JsonDocument.Parse(await server.Http.GetStringAsync("/openapi/nlu.json"));

        Assert.True(ops.RootElement.GetProperty("paths").GetProperty("/readyz").TryGetProperty("get", out var readiness));
        Assert.True(readiness.GetProperty("responses").TryGetProperty("503", out _));
        Assert.True(nlu.RootElement.GetProperty("paths").GetProperty("/api/nlu/parse").TryGetProperty("post", out _));
        using var parsed = await server.Http.PostAsync("/api/nlu/parse", new StringContent("{\"text\":\"查订单\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, parsed.StatusCode);
    }

    [Fact]
    public async Task An_unknown_document_is_a_404()
    {
        await using var server = await HelpBotServer.StartAsync();

        using var response = await server.Http.GetAsync("/openapi/nope.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
