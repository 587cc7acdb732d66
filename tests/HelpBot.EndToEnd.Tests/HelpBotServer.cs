using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using HelpBot.Hosting;
using HelpBot.Language;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HelpBot.EndToEnd.Tests;

/// <summary>
/// The bot host composed exactly as Program.cs composes it, on real Kestrel at a free loopback port, with the embedded
/// sandbox platform. Posts activities with deliveryMode expectReplies, so replies come back in the response body.
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

    /// <summary>Training takes a second or two, so all servers in this test process share one trained model.</summary>
    public static Lazy<IHelpBotRecognizer> SharedRecognizer { get; } = new(() => new HelpBotRecognizer());

    public Uri Address { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<HelpBotServer> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = ["--urls", "http://127.0.0.1:0"],
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseHelpBotDefaultUrl();
        builder.Services.AddSingleton(SharedRecognizer.Value);
        builder.Services.AddHelpBot(builder.Configuration);

        var app = builder.Build();
        app.MapHelpBot();
        await app.StartAsync();
        var address = new Uri(app.Urls.First());
        return new HelpBotServer(app, address);
    }

    /// <summary>Sends one message and returns the bot's message replies (typing indicators left out).</summary>
    public async Task<IReadOnlyList<JsonObject>> SayAsync(string conversationId, string text, string? locale = "zh-CN", string userId = "demo-user")
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["locale"] = locale,
            ["from"] = new JsonObject { ["id"] = userId },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["channelId"] = "webchat",
            ["serviceUrl"] = "http://localhost:1",
            ["deliveryMode"] = "expectReplies",
            ["recipient"] = new JsonObject { ["id"] = "bot" },
        };
        using var response = await Http.PostAsJsonAsync("/api/messages", activity);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /api/messages answered {(int)response.StatusCode}: {body}");
        var replies = JsonNode.Parse(body)!["activities"]!.AsArray();
        return [.. replies.Select(r => r!.AsObject()).Where(r => (string?)r["type"] == "message")];
    }

    public static string TextOf(IEnumerable<JsonObject> replies) =>
        string.Join("\n---\n", replies.Select(r => (string?)r["text"] ?? string.Empty));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
