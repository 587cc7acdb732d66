using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using HelpBot.Testing.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HelpBot.EndToEnd.Tests;

/// <summary>
/// The bot host (<see cref="HelpBotTestHost"/>) with the embedded sandbox platform. Posts activities with deliveryMode expectReplies, so replies come back in the response body.
/// </summary>
public sealed class HelpBotServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HelpBotServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Http = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<HelpBotServer> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var app = await HelpBotTestHost.StartAsync(new HelpBotTestHostOptions { Settings = settings ?? new Dictionary<string, string?>() });
        return new HelpBotServer(app, new Uri(app.Urls.First()));
    }

    /// <summary>Sends one message and returns the bot's message replies (typing indicators left out).</summary>
    public async Task<IReadOnlyList<JsonObject>> SayAsync(string conversationId, string text, string? locale = "zh-CN", string userId = "demo-user")
    {
        using var response = await Http.PostAsJsonAsync("/api/messages", CustomerMessages.Message(conversationId, text, locale, userId));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /api/messages answered {(int)response.StatusCode}: {body}");
        return CustomerMessages.Replies(body);
    }

    public static string TextOf(IEnumerable<JsonObject> replies) =>
        string.Join("\n---\n", replies.Select(r => (string?)r["text"] ?? string.Empty));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await HelpBotTestHost.StopAsync(_app);
    }

    internal static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
