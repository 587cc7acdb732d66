using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using HelpBot.AgentDesk.Api;
using HelpBot.AgentDesk.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HelpBot.AgentDesk.Tests;

public sealed class AgentApiTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-token")]
    [InlineData("Basic ZGVzazp0ZXN0")]
    [InlineData("Bearer ")]
    public async Task The_agent_api_needs_a_valid_token(string? authorization)
    {
        await using var channel = await ChannelRecorder.StartAsync();
        await using var server = await DeskServer.StartAsync(channel.BaseUrl);
        foreach (var (method, path) in new[] { ("GET", "/api/agent/escalations"), ("GET", "/api/agent/escalations/HB1/transcript"), ("POST", "/api/agent/escalations/HB1/claim") })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            using var response = await server.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Without_configured_tokens_a_generated_one_works_and_nothing_else_does()
    {
        await using var channel = await ChannelRecorder.StartAsync();
        await using var server = await DeskServer.StartAsync(channel.BaseUrl, withToken: false);
        var generated = server.Services.GetRequiredService<AgentTokens>().GeneratedToken;
        Assert.False(string.IsNullOrEmpty(generated));

        using var ok = new HttpRequestMessage(HttpMethod.Get, "/api/agent/escalations");
        ok.Headers.Authorization = new AuthenticationHeaderValue("Bearer", generated);
        Assert.Equal(HttpStatusCode.OK, (await server.Http.SendAsync(ok)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Agent.GetAsync("/api/agent/escalations")).StatusCode);
    }

    [Fact]
    public async Task Bad_requests_get_4xx_with_a_json_message()
    {
        await using var channel = await ChannelRecorder.StartAsync();
        await using var server = await DeskServer.StartAsync(channel.BaseUrl);
        var caseId = await Escalations.ChargedButUnpaidAsync(server, "api-bad");

        async Task Expect(HttpStatusCode status, string method, string path, string? body)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            using var response = await server.Agent.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(status == response.StatusCode, $"{method} {path} {body}: {(int)response.StatusCode} {text}");
            Assert.Contains("\"error\"", text, StringComparison.Ordinal);
        }

        await Expect(HttpStatusCode.NotFound, "GET", "/api/agent/escalations/HB000000000000", null);
        await Expect(HttpStatusCode.NotFound, "GET", $"/api/agent/escalations/{caseId}/attachments/nope", null);
        await Expect(HttpStatusCode.Conflict, "POST", $"/api/agent/escalations/{caseId}/messages", "{\"text\":\"hello\"}");
        await Expect(HttpStatusCode.BadRequest, "POST", $"/api/agent/escalations/{caseId}/messages", "{\"text\":");
        await Expect(HttpStatusCode.BadRequest, "POST", $"/api/agent/escalations/{caseId}/messages", "[1,2]");
        await Expect(HttpStatusCode.BadRequest, "POST", $"/api/agent/escalations/{caseId}/messages", "{\"text\":42}");
        await Expect(HttpStatusCode.BadRequest, "POST", $"/api/agent/escalations/{caseId}/close", "{\"resolution\":\"whatever\"}");
        await Expect(HttpStatusCode.BadRequest, "POST", $"/api/agent/escalations/{caseId}/close", null);
        await Expect(HttpStatusCode.RequestEntityTooLarge, "POST", $"/api/agent/escalations/{caseId}/messages", "{\"text\":\"" + new string('x', 70_000) + "\"}");

        await server.PostJsonAsync($"/api/agent/escalations/{caseId}/claim", new { agent = "A" });
        await Expect(HttpStatusCode.Conflict, "POST", $"/api/agent/escalations/{caseId}/claim", "{\"agent\":\"B\"}");
        await server.PostJsonAsync($"/api/agent/escalations/{caseId}/close", new { resolution = "no_action" });
        await Expect(HttpStatusCode.Conflict, "POST", $"/api/agent/escalations/{caseId}/close", "{\"resolution\":\"no_action\"}");
    }

    [Fact]
    public async Task The_transcript_downloads_as_a_bot_framework_transcript_file()
    {
        await using var channel = await ChannelRecorder.StartAsync();
        await using var server = await DeskServer.StartAsync(channel.BaseUrl);
        var caseId = await Escalations.ChargedButUnpaidAsync(server, "api-transcript");

        using var response = await server.Agent.GetAsync($"/api/agent/escalations/{caseId}/transcript");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"{caseId}.transcript", response.Content.Headers.ContentDisposition?.ToString() ?? string.Empty, StringComparison.Ordinal);
        var activities = (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonArray>())!;
        Assert.All(activities, a =>
        {
            Assert.False(string.IsNullOrEmpty((string?)a!["type"]));
            Assert.Equal("api-transcript", (string?)a["conversation"]!["id"]);
            Assert.NotNull(a["timestamp"]);
        });
        Assert.Equal("支付问题", (string?)activities[0]!["text"]);
        Assert.Contains(activities, a => ((string?)a!["text"] ?? string.Empty).Contains(caseId, StringComparison.Ordinal));
    }
}
