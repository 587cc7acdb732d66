using System.Net;
using System.Text;
using HelpBot.Platform.Sandbox;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HelpBot.Security.Tests;

/// <summary>With a MicrosoftAppId configured, only requests the Bot Framework channel signed may reach the bot.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private const string AppId = "0b6b3b8e-5d1c-4f7e-9a41-3f0a2f1f4c11";
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync(new Dictionary<string, string?>
    {
        ["MicrosoftAppType"] = "MultiTenant",
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "dummy-password-for-tests",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Unsigned_request_is_refused_and_expect_replies_returns_nothing()
    {
        var conversation = Guid.NewGuid().ToString("N");
        var (status, body) = await _host.PostAsync(BotHost.Message(conversation, "check my order").ToJsonString());

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.DoesNotContain("activities", body, StringComparison.Ordinal);
        Assert.Empty(BotHost.RepliesIn(body.Length == 0 ? "{}" : body));
        Assert.False(await StateExistsAsync(conversation), "The bot must not have run a turn for an unauthenticated request.");
    }

    [Fact]
    public async Task Malformed_body_without_token_gets_401_not_a_parser_message()
    {
        var (status, body) = await _host.PostAsync("{\"type\": 13800138000, \"text\": \"secret");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.DoesNotContain("13800138000", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Path", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer ")]
    public async Task Forged_or_malformed_tokens_are_refused(string authorization)
    {
        var conversation = Guid.NewGuid().ToString("N");
        var (status, body) = await _host.PostAsync(BotHost.Message(conversation, "check my order").ToJsonString(), authorization: authorization);

        Assert.True(status == HttpStatusCode.Unauthorized, $"Answered {(int)status}: {body}\n{_host.Logs.AllText}");
        Assert.Empty(BotHost.RepliesIn(body.Length == 0 || !body.TrimStart().StartsWith('{') ? "{}" : body));
        Assert.False(await StateExistsAsync(conversation));
    }

    [Fact]
    public async Task Well_formed_token_from_a_foreign_issuer_is_refused()
    {
        var conversation = Guid.NewGuid().ToString("N");
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var token = string.Join('.',
            Base64Url("""{"alg":"RS256","typ":"JWT","kid":"forged"}"""),
            Base64Url($$"""{"iss":"https://attacker.example","aud":"{{AppId}}","serviceurl":"http://127.0.0.1:1","nbf":{{now - 60}},"exp":{{now + 3600}}}"""),
            Base64Url("not-a-signature"));

        var (status, body) = await _host.PostAsync(BotHost.Message(conversation, "check my order").ToJsonString(), authorization: "Bearer " + token);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Empty(BotHost.RepliesIn(body.Length == 0 || !body.TrimStart().StartsWith('{') ? "{}" : body));
        Assert.False(await StateExistsAsync(conversation));
    }

    [Fact]
    public void Authenticated_host_does_not_warn_about_development_mode()
    {
        Assert.DoesNotContain(_host.Logs.Entries, e => e.Text.Contains("DEVELOPMENT MODE", StringComparison.Ordinal));
    }

    private async Task<bool> StateExistsAsync(string conversationId)
    {
        var storage = _host.Services.GetRequiredService<IStorage>();
        var key = $"webchat/conversations/{conversationId}";
        var items = await storage.ReadAsync([key]);
        return items.ContainsKey(key);
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// The Bot Framework's OpenID metadata (the channel's signing keys) cannot be fetched: the bot cannot tell a valid
/// token from a forged one, so it answers 503 with Retry-After (the channel retries), never 500. The authentication
/// endpoints point at a loopback port nobody listens on.
/// </summary>
public sealed class OpenIdMetadataOutageTests : IAsyncLifetime
{
    private const string AppId = "0b6b3b8e-5d1c-4f7e-9a41-3f0a2f1f4c11";
    private const string Unreachable = "https://127.0.0.1:9/";
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync(new Dictionary<string, string?>
    {
        ["MicrosoftAppType"] = "MultiTenant",
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "dummy-password-for-tests",
        ["ToBotFromChannelTokenIssuer"] = "https://api.botframework.com",
        ["ToBotFromChannelOpenIdMetadataUrl"] = Unreachable + "v1/.well-known/openidconfiguration",
        ["ToBotFromEmulatorOpenIdMetadataUrl"] = Unreachable + "emulator/v2.0/.well-known/openid-configuration",
        ["ToChannelFromBotLoginUrl"] = Unreachable + "botframework.com",
        ["ToChannelFromBotOAuthScope"] = "https://api.botframework.com",
        ["OAuthUrl"] = Unreachable,
        ["ValidateAuthority"] = "false",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_signed_looking_token_gets_503_with_retry_after_and_no_turn_runs()
    {
        var conversation = Guid.NewGuid().ToString("N");
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var token = string.Join('.',
            Base64Url("""{"alg":"RS256","typ":"JWT","kid":"channel-key-1","x5t":"channel-key-1"}"""),
            Base64Url($$"""{"iss":"https://api.botframework.com","aud":"{{AppId}}","serviceurl":"http://127.0.0.1:1","nbf":{{now - 60}},"exp":{{now + 3600}}}"""),
            Base64Url("a-signature-nobody-can-check-without-the-keys"));

        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
            {
                Content = new StringContent(BotHost.Message(conversation, "check my order").ToJsonString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
            using var response = await _host.Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"Answered {(int)response.StatusCode}: {body}\n{_host.Logs.AllText}");
            Assert.NotNull(response.Headers.RetryAfter?.Delta);
            Assert.Equal("AuthenticationUnavailable", (string?)System.Text.Json.Nodes.JsonNode.Parse(body)?["error"]?["code"]);
        }

        var storage = _host.Services.GetRequiredService<IStorage>();
        Assert.Empty(await storage.ReadAsync([$"webchat/conversations/{conversation}"]));
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Start-up warnings and which routes exist in each mode.</summary>
public sealed class HostModeTests
{
    [Fact]
    public async Task Development_mode_logs_a_loud_warning_at_start_up()
    {
        await using var host = await BotHost.StartAsync();

        var warning = Assert.Single(host.Logs.Entries, e => e.Text.Contains("DEVELOPMENT MODE", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("MicrosoftAppId", warning.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/sandbox/faults")]
    [InlineData("POST", "/sandbox/faults")]
    [InlineData("POST", "/sandbox/reset")]
    [InlineData("GET", "/api/v1/orders/2611240000000001")]
    public async Task Real_platform_mode_serves_no_sandbox_or_platform_routes_on_the_bot_host(string method, string path)
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Platform:BaseUrl"] = "http://127.0.0.1:9/",
        });

        Assert.Null(host.Services.GetService<SandboxPlatformServer>());
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        using var response = await host.Http.SendAsync(request);
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{method} {path} answered {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Sandbox_mode_keeps_the_admin_routes_on_the_sandbox_port_only()
    {
        await using var host = await BotHost.StartAsync();

        using var onBotHost = await host.Http.GetAsync("/sandbox/faults");
        Assert.Equal(HttpStatusCode.NotFound, onBotHost.StatusCode);

        using var sandboxClient = new HttpClient { BaseAddress = host.Sandbox.BaseAddress };
        using var onSandbox = await sandboxClient.GetAsync("/sandbox/faults");
        Assert.Equal(HttpStatusCode.OK, onSandbox.StatusCode);
    }
}
