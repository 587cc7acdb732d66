using System.Net;
using System.Text.Json.Nodes;

namespace HelpBot.Security.Tests;

/// <summary>
/// Development mode (no MicrosoftAppId) replies only to a loopback serviceUrl or a configured one; any other is refused
/// with 403 before the SDK could post there. Every activity here is expectReplies and every other serviceUrl is under
/// the reserved <c>.invalid</c> domain, so nothing leaves loopback whatever the bot does.
/// </summary>
public sealed class DevelopmentServiceUrlTests : IAsyncLifetime
{
    private const string ConfiguredTunnel = "https://emulator-tunnel.invalid/bots/";
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync(new Dictionary<string, string?>
    {
        ["HelpBot:DevelopmentMode:ServiceUrls:0"] = ConfiguredTunnel,
        // The embedded Direct Line's own serviceUrl, as behind a tunnel (only expectReplies activities are sent here).
        ["DirectLine:ServiceUrl"] = "https://directline-tunnel.invalid/v3/directline/bot/",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static JsonObject MessageTo(string serviceUrl) =>
        HelpBot.Testing.Hosting.CustomerMessages.Message("service-url-" + Guid.NewGuid().ToString("N"), "hi", "en-US", serviceUrl: serviceUrl);

    [Theory]
    [InlineData("http://metadata.invalid/latest/meta-data")]
    [InlineData("https://helpbot-attacker.invalid/")]
    [InlineData("http://127.0.0.1@fuzzed.invalid/")]
    [InlineData("https://emulator-tunnel.invalid/elsewhere/")]
    [InlineData("https://emulator-tunnel.invalid:8443/bots/")]
    [InlineData("https://directline-tunnel.invalid/elsewhere/")]
    public async Task A_service_url_that_is_neither_loopback_nor_configured_is_refused_with_403(string serviceUrl)
    {
        var (status, body) = await _host.PostAsync(MessageTo(serviceUrl).ToJsonString());

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("ServiceUrlNotAllowed", (string?)JsonNode.Parse(body)?["error"]?["code"]);
    }

    [Theory]
    [InlineData("http://127.0.0.1:1")]
    [InlineData("http://localhost:1/")]
    [InlineData("http://[::1]:1/")]
    [InlineData("https://emulator-tunnel.invalid/bots/")]
    [InlineData("https://directline-tunnel.invalid/v3/directline/bot/")]
    public async Task Loopback_and_configured_service_urls_are_served(string serviceUrl)
    {
        var (status, body) = await _host.PostAsync(MessageTo(serviceUrl).ToJsonString());

        Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {body}");
        Assert.NotEmpty(BotHost.RepliesIn(body));
    }
}
