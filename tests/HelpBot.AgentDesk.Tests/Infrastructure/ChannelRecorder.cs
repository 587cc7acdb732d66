using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HelpBot.AgentDesk.Tests.Infrastructure;

/// <summary>
/// Stands in for a channel's Bot Connector service on real Kestrel: records every activity the bot POSTs to
/// /v3/conversations/{id}/activities (proactive messages land here) and every other POST body (a webhook).
/// </summary>
public sealed class ChannelRecorder : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Conversation, JsonObject Activity)> _activities = new();
    private readonly ConcurrentQueue<(string Path, string Body)> _posts = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private ChannelRecorder(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<ChannelRecorder> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var recorder = new ChannelRecorder(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{**rest}", async (string conversationId, HttpRequest request) =>
        {
            var activity = (await JsonNode.ParseAsync(request.Body))!.AsObject();
            recorder._activities.Enqueue((conversationId, activity));
            recorder._arrived.Release();
            return Results.Json(new { id = Guid.NewGuid().ToString("N") });
        });
        app.MapPost("/hooks/{**rest}", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            recorder._posts.Enqueue((request.Path, await reader.ReadToEndAsync()));
            recorder._arrived.Release();
            return Results.Ok();
        });
        // Files as a channel's attachment host would serve them.
        app.MapGet("/files/small.png", () => Results.Bytes(TestImages.Png, "image/png"));
        app.MapGet("/files/big.png", () =>
        {
            var big = new byte[(4 * 1024 * 1024) + 16];
            TestImages.Png.CopyTo(big, 0);
            return Results.Bytes(big, "image/png");
        });
        app.MapGet("/files/not-a-picture.png", () => Results.Text("<html>hello</html>", "image/png"));
        app.MapGet("/files/moved.png", () => Results.Redirect("http://169.254.169.254/latest/meta-data"));
        // A host that answers at once and then drips the body, one byte at a time, until the client gives up.
        app.MapGet("/files/drip.png", async (HttpResponse response, CancellationToken aborted) =>
        {
            response.ContentType = "image/png";
            try
            {
                for (var i = 0; !aborted.IsCancellationRequested; i++)
                {
                    await response.Body.WriteAsync(TestImages.Png.AsMemory(i % TestImages.Png.Length, 1), aborted);
                    await response.Body.FlushAsync(aborted);
                    await Task.Delay(100, aborted);
                }
            }
            catch (OperationCanceledException)
            {
                // The client hung up: what the test waits for.
            }
        });
        // Where the embedded Direct Line serves uploads (DirectLine:AttachmentsPath).
        app.MapGet("/directline/attachments/{attachmentId}", () => Results.Bytes(TestImages.Png, "image/png"));
        await app.StartAsync();
        recorder.BaseUrl = new Uri(app.Urls.First() + "/");
        return recorder;
    }

    public IReadOnlyList<JsonObject> ActivitiesOf(string conversationId) =>
        [.. _activities.Where(a => a.Conversation == conversationId).Select(a => a.Activity)];

    public IReadOnlyList<(string Path, string Body)> Posts => [.. _posts];

    /// <summary>Waits until a recorded message of the conversation contains <paramref name="fragment"/>; the limit only guards against a hang.</summary>
    public async Task<JsonObject> WaitForMessageAsync(string conversationId, string fragment)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var match = ActivitiesOf(conversationId).FirstOrDefault(a => ((string?)a["text"] ?? string.Empty).Contains(fragment, StringComparison.Ordinal));
            if (match is not null)
            {
                return match;
            }

            var left = deadline - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero, $"No message containing \"{fragment}\" reached conversation {conversationId}. Got:\n{string.Join("\n", ActivitiesOf(conversationId).Select(a => (string?)a["text"]))}");
            await _arrived.WaitAsync(left);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }
}
