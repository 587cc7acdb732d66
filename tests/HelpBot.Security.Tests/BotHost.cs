using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using HelpBot.Dialogs.Localization;
using HelpBot.Platform.Sandbox;
using HelpBot.Testing.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HelpBot.Security.Tests;

/// <summary>
/// The bot host (<see cref="HelpBotTestHost"/>) with the embedded sandbox platform (unless Platform:BaseUrl is given). Every log entry is captured in <see cref="Logs"/>.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BotHost(WebApplication app, CapturedLogs logs)
    {
        _app = app;
        Logs = logs;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Http { get; }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => _app.Services;

    public SandboxPlatformServer Sandbox => Services.GetRequiredService<SandboxPlatformServer>();

    public static async Task<BotHost> StartAsync(IDictionary<string, string?>? settings = null, LogLevel minimumLevel = LogLevel.Information)
    {
        var logs = new CapturedLogs();
        var app = await HelpBotTestHost.StartAsync(new HelpBotTestHostOptions
        {
            Settings = settings ?? new Dictionary<string, string?>(),
            Logs = logs,
            MinimumLogLevel = minimumLevel,
        });
        return new BotHost(app, logs);
    }

    public static JsonObject Message(string conversationId, string? text, string locale = "en-US", string userId = "demo-user") =>
        CustomerMessages.Message(conversationId, text, locale, userId, serviceUrl: "http://127.0.0.1:1");

    /// <summary>Posts a raw body as-is.</summary>
    public async Task<(HttpStatusCode Status, string Body)> PostAsync(string body, string contentType = "application/json", string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Sends one activity and returns the texts of the bot's message replies (it must be accepted).</summary>
    public async Task<IReadOnlyList<string>> SendAsync(JsonObject activity)
    {
        var (status, body) = await PostAsync(activity.ToJsonString());
        Assert.True(status == HttpStatusCode.OK, $"POST /api/messages answered {(int)status}: {body}");
        return RepliesIn(body);
    }

    public Task<IReadOnlyList<string>> SayAsync(string conversationId, string text, string locale = "en-US", string userId = "demo-user") =>
        SendAsync(Message(conversationId, text, locale, userId));

    /// <summary>Sends one message and returns the bot's message replies as JSON (text, suggested actions...).</summary>
    public async Task<IReadOnlyList<JsonObject>> SayForActivitiesAsync(string conversationId, string text, string locale = "en-US", string userId = "demo-user")
    {
        var (status, body) = await PostAsync(Message(conversationId, text, locale, userId).ToJsonString());
        Assert.True(status == HttpStatusCode.OK, $"POST /api/messages answered {(int)status}: {body}");
        var activities = JsonNode.Parse(body)?["activities"]?.AsArray() ?? [];
        return [.. activities.Select(a => a!.AsObject()).Where(a => (string?)a["type"] == "message")];
    }

    public static IReadOnlyList<string> ButtonsIn(IEnumerable<JsonObject> replies) =>
        [.. replies.SelectMany(r => r["suggestedActions"]?["actions"]?.AsArray() ?? []).Select(a => (string?)a?["title"] ?? string.Empty)];

    public static IReadOnlyList<string> RepliesIn(string body)
    {
        var activities = JsonNode.Parse(body)?["activities"]?.AsArray() ?? [];
        return [.. activities.Where(a => (string?)a?["type"] == "message").Select(a => (string?)a?["text"] ?? string.Empty)];
    }

    /// <summary>A customer-facing string, so assertions follow the .resx wording.</summary>
    public static string Text(string key, string language = BotLanguage.English) =>
        BotText.Get(BotLanguage.Culture(language), key);

    public static string Format(string key, params object[] args) =>
        BotText.Format(BotLanguage.Culture(BotLanguage.English), key, args);

    public static string Fragment(string key, string language = BotLanguage.English)
    {
        // The first sentence of a string is enough to recognise it in a reply.
        var text = Text(key, language);
        var end = text.IndexOfAny(['.', '。', '，', ',']);
        return end > 0 ? text[..end] : text;
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await HelpBotTestHost.StopAsync(_app);
    }
}
