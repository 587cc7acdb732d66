using System.Text.Json;
using HelpBot.Dialogs.Problems;
using Microsoft.Bot.Schema;

namespace HelpBot.Browser.Tests;

/// <summary>
/// The web chat page in headless Chromium against the real host: welcome in both languages, an order's status from
/// its button, the conversation kept across a reload, a screenshot upload that reaches the bot as an attachment.
/// Screenshots are kept under artifacts/test-results/browser.
/// </summary>
public sealed class WebChatPageTests(BrowserTestHost host) : IClassFixture<BrowserTestHost>
{
    private static readonly string Chromium = Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium";

    [Fact]
    public async Task Page_talks_to_the_bot_in_both_languages_keeps_the_conversation_and_uploads_a_screenshot()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (./test.sh does) or set CHROMIUM.");
        await NodeScript.EnsurePackagesAsync();
        var artifacts = Path.Combine(NodeScript.RepositoryRoot, "artifacts", "test-results", "browser");

        var (exitCode, output) = await NodeScript.RunAsync(
            "node",
            ["webchat-page.js"],
            new Dictionary<string, string>
            {
                ["HELPBOT_URL"] = host.Address.AbsoluteUri,
                ["ARTIFACTS_DIR"] = artifacts,
                ["CHROMIUM"] = Chromium,
            },
            TimeSpan.FromMinutes(5));
        Assert.True(exitCode == 0, $"webchat-page.js exited with {exitCode}:\n{output}");
        Assert.True(File.Exists(Path.Combine(artifacts, "webchat-zh-CN-conversation.png")), output);

        var resultLine = output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        using var result = JsonDocument.Parse(resultLine["RESULT ".Length..]);
        var conversationId = result.RootElement.GetProperty("conversationId").GetString()!;
        var uploaded = await File.ReadAllBytesAsync(result.RootElement.GetProperty("uploadedFile").GetString()!);

        var messages = host.Received
            .Where(a => a.Conversation?.Id == conversationId && a.Type == ActivityTypes.Message)
            .Select(a => a.AsMessageActivity())
            .ToList();

        // The upload reached the bot as an image attachment whose bytes are the file the page sent.
        var withUpload = Assert.Single(messages, m => m.Attachments is { Count: > 0 });
        var attachment = Assert.Single(withUpload.Attachments);
        Assert.Equal("image/png", attachment.ContentType);
        Assert.Equal(uploaded, await host.Http.GetByteArrayAsync(new Uri(attachment.ContentUrl)));

        // Every message from the page is in the page's locale and carries the page's clientInfo.
        Assert.NotEmpty(messages);
        Assert.All(messages, m =>
        {
            Assert.Equal("zh-CN", m.Locale);
            var client = ClientInfo.From(m);
            Assert.Equal("web", client.Platform);
            Assert.NotNull(client.AppVersion);
        });
    }
}
