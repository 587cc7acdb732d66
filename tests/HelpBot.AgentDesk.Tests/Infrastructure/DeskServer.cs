using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HelpBot.Testing.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HelpBot.AgentDesk.Tests.Infrastructure;

/// <summary>
/// The bot host (<see cref="HelpBotTestHost"/>; sandbox platform, memory or Redis storage), with a known agent token. Customer messages use deliveryMode expectReplies; their serviceUrl
/// points at a <see cref="ChannelRecorder"/>, where proactive messages arrive.
/// </summary>
public sealed class DeskServer : IAsyncDisposable
{
    public const string Token = "desk-test-token";

    private readonly WebApplication _app;

    private DeskServer(WebApplication app, Uri address, Uri serviceUrl)
    {
        _app = app;
        Address = address;
        ServiceUrl = serviceUrl;
        Http = new HttpClient { BaseAddress = address };
        Agent = new HttpClient { BaseAddress = address };
        Agent.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    public Uri Address { get; }

    public Uri ServiceUrl { get; }

    /// <summary>No credentials.</summary>
    public HttpClient Http { get; }

    /// <summary>With the agent token.</summary>
    public HttpClient Agent { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<DeskServer> StartAsync(Uri serviceUrl, IDictionary<string, string?>? settings = null, bool withToken = true, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        if (withToken)
        {
            all["AgentDesk:Tokens:0"] = Token;
        }

        var app = await HelpBotTestHost.StartAsync(new HelpBotTestHostOptions { Settings = all, Services = services });
        return new DeskServer(app, new Uri(app.Urls.First()), serviceUrl);
    }

    /// <summary>Sends one customer message and returns the bot's message replies.</summary>
    public async Task<IReadOnlyList<JsonObject>> SayAsync(string conversationId, string? text, string locale = "zh-CN", string userId = "demo-user", params (string ContentType, string Url)[] attachments)
    {
        var activity = CustomerMessages.Message(conversationId, text, locale, userId, ServiceUrl.AbsoluteUri);
        if (attachments.Length > 0)
        {
            activity["attachments"] = new JsonArray([.. attachments.Select(a => (JsonNode)new JsonObject { ["contentType"] = a.ContentType, ["contentUrl"] = a.Url, ["name"] = "screenshot" })]);
        }

        using var response = await Http.PostAsJsonAsync("/api/messages", activity);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /api/messages answered {(int)response.StatusCode}: {body}");
        return CustomerMessages.Replies(body);
    }

    public static string TextOf(IEnumerable<JsonObject> replies) =>
        string.Join("\n---\n", replies.Select(r => (string?)r["text"] ?? string.Empty));

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await Agent.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    public async Task<JsonNode> PostJsonAsync(string path, object? body)
    {
        using var response = await Agent.PostAsJsonAsync(path, body ?? new { });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Agent.Dispose();
        await HelpBotTestHost.StopAsync(_app);
    }
}
