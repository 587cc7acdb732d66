using System.Collections.Concurrent;
using System.Text.Json;
using HelpBot.Testing.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace HelpBot.Browser.Tests;

/// <summary>
/// The web chat page in headless Chromium while the bot restarts under it (the host stopped and a new one started
/// on the same address: a new embedded Direct Line with a new secret, every conversation forgotten). The page must
/// reconnect by itself and answer again, instead of staying on "无法连接". The page's script asks for the restart
/// through a small control endpoint of this test on loopback, at the moment it has seen the first answer.
/// </summary>
public sealed class WebChatRestartTests
{
    private static readonly string Chromium = Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium";

    // No secret: the restarted bot generates a new one and refuses the page's token. A configured secret: the token
    // is still good (the page refreshes it), but the restarted bot does not know the conversation any more.
    [Theory]
    [InlineData(null)]
    [InlineData("a-direct-line-secret-kept-across-restarts")]
    public async Task After_a_bot_restart_the_page_reconnects_by_itself_and_the_new_bot_answers_it(string? directLineSecret)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (./test.sh does) or set CHROMIUM.");
        await NodeScript.EnsurePackagesAsync();
        var artifacts = Path.Combine(NodeScript.RepositoryRoot, "artifacts", "test-results", "browser");

        var firstReceived = new ConcurrentQueue<IActivity>();
        var secondReceived = new ConcurrentQueue<IActivity>();
        var bot = await StartBotAsync(address: null, directLineSecret, firstReceived);
        var address = new Uri(bot.Urls.First());
        var restarts = 0;

        var control = WebApplication.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
        var controlApp = control.Build();
        controlApp.MapPost("/restart", async () =>
        {
            await HelpBotTestHost.StopAsync(bot);
            bot = await StartBotAsync(address, directLineSecret, secondReceived);
            Interlocked.Increment(ref restarts);
            return Results.Ok();
        });
        await controlApp.StartAsync();
        try
        {
            var (exitCode, output) = await NodeScript.RunAsync(
                "node",
                ["webchat-restart.js"],
                new Dictionary<string, string>
                {
                    ["HELPBOT_URL"] = address.AbsoluteUri,
                    ["RESTART_URL"] = controlApp.Urls.First() + "/restart",
                    ["ARTIFACTS_DIR"] = artifacts,
                    ["CHROMIUM"] = Chromium,
                },
                TimeSpan.FromMinutes(5));
            Assert.True(exitCode == 0, $"webchat-restart.js exited with {exitCode}:\n{output}");
            Assert.Equal(1, restarts);

            var resultLine = output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
            using var result = JsonDocument.Parse(resultLine["RESULT ".Length..]);
            var before = result.RootElement.GetProperty("before").GetString();
            var after = result.RootElement.GetProperty("after").GetString();

            // The first bot had the first conversation; the restarted one received the page's messages in the new one.
            Assert.Contains(firstReceived, a => a.Conversation?.Id == before && a.Type == ActivityTypes.Message);
            Assert.Contains(secondReceived, a => a.Conversation?.Id == after && a.Type == ActivityTypes.Message);
            Assert.DoesNotContain(secondReceived, a => a.Conversation?.Id == before && a.Type == ActivityTypes.Message);
        }
        finally
        {
            await controlApp.StopAsync();
            await controlApp.DisposeAsync();
            await HelpBotTestHost.StopAsync(bot);
        }
    }

    // Null address: a free loopback port; otherwise that same address again (the page's origin must not change).
    private static Task<WebApplication> StartBotAsync(Uri? address, string? directLineSecret, ConcurrentQueue<IActivity> received)
    {
        var settings = new Dictionary<string, string?> { ["DirectLine:Secret"] = directLineSecret };
        if (address is not null)
        {
            settings["urls"] = address.GetLeftPart(UriPartial.Authority);
        }

        return HelpBotTestHost.StartAsync(new HelpBotTestHostOptions { Settings = settings, ExtraMiddleware = new RecordingMiddleware(received) });
    }

    private sealed class RecordingMiddleware(ConcurrentQueue<IActivity> received) : Microsoft.Bot.Builder.IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            received.Enqueue(turnContext.Activity);
            return next(cancellationToken);
        }
    }
}
