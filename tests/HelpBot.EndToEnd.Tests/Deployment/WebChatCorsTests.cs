using System.Net;

namespace HelpBot.EndToEnd.Tests.Deployment;

/// <summary>
/// CORS for web chat pages served from another origin (HelpBot:Cors:WebChatOrigins): a configured origin's preflight
/// to the Direct Line and token endpoints is allowed, any other origin's is refused, none are allowed by default, and
/// the agent API never answers cross-origin calls. (Origins are header values only; nothing is contacted there.)
/// </summary>
public sealed class WebChatCorsTests
{
    private const string WebChatOrigin = "http://127.0.0.1:5500";
    private const string OtherOrigin = "http://127.0.0.2:5500";

    private static readonly Dictionary<string, string?> WithOrigin = new() { ["HelpBot:Cors:WebChatOrigins:0"] = WebChatOrigin };

    [Theory]
    [InlineData("/v3/directline/tokens/refresh")]
    [InlineData("/v3/directline/conversations")]
    [InlineData("/api/webchat/token")]
    public async Task A_configured_origin_may_call_the_web_chat_endpoints(string path)
    {
        await using var server = await HelpBotServer.StartAsync(WithOrigin);

        using var preflight = await PreflightAsync(server, path, WebChatOrigin);

        Assert.True(preflight.IsSuccessStatusCode, $"preflight answered {(int)preflight.StatusCode}");
        Assert.Equal(WebChatOrigin, Header(preflight, "Access-Control-Allow-Origin"));
        Assert.Contains("POST", Header(preflight, "Access-Control-Allow-Methods") ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("authorization", (Header(preflight, "Access-Control-Allow-Headers") ?? string.Empty).ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Null(Header(preflight, "Access-Control-Allow-Credentials"));

        // The actual request carries the header too, so the browser hands the answer to the page.
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Origin", WebChatOrigin);
        using var response = await server.Http.SendAsync(request);
        Assert.Equal(WebChatOrigin, Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Another_origin_is_refused()
    {
        await using var server = await HelpBotServer.StartAsync(WithOrigin);

        using var preflight = await PreflightAsync(server, "/v3/directline/conversations", OtherOrigin);

        Assert.Null(Header(preflight, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Without_configured_origins_only_the_same_origin_works()
    {
        await using var server = await HelpBotServer.StartAsync();

        using var preflight = await PreflightAsync(server, "/v3/directline/conversations", WebChatOrigin);
        Assert.Null(Header(preflight, "Access-Control-Allow-Origin"));

        // The page's own same-origin calls are unaffected.
        using var token = await server.Http.PostAsync("/api/webchat/token", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    [Fact]
    public async Task The_agent_api_answers_no_cross_origin_call_even_from_a_web_chat_origin()
    {
        await using var server = await HelpBotServer.StartAsync(WithOrigin);

        using var preflight = await PreflightAsync(server, "/api/agent/escalations", WebChatOrigin);

        Assert.Null(Header(preflight, "Access-Control-Allow-Origin"));
    }

    private static async Task<HttpResponseMessage> PreflightAsync(HelpBotServer server, string path, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return await server.Http.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
