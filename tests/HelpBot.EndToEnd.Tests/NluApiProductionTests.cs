using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace HelpBot.EndToEnd.Tests;

/// <summary>
/// POST /api/nlu/parse on a production host (a MicrosoftAppId configured): it needs an operator token (one of
/// AgentDesk:Tokens), and authenticated parses are limited per window (HelpBot:Nlu); requests without a token are
/// refused before any parsing and do not use up the budget.
/// </summary>
public sealed class NluApiProductionTests
{
    private const string OperatorToken = "nlu-operator-token";

    [Fact]
    public async Task Without_the_operator_token_a_parse_gets_401()
    {
        await using var server = await StartAsync(permitLimit: 5);

        using var none = await server.Http.PostAsJsonAsync("/api/nlu/parse", new { text = new string('7', 2000) });
        using var wrong = await ParseAsync(server, "not-the-token");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task Authenticated_parses_beyond_the_limit_get_429_and_unauthenticated_ones_do_not_count()
    {
        await using var server = await StartAsync(permitLimit: 2);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var unauthenticated = await ParseAsync(server, token: null);
            statuses.Add(unauthenticated.StatusCode);
        }

        for (var i = 0; i < 3; i++)
        {
            using var response = await ParseAsync(server, OperatorToken);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(
            [.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests],
            statuses);
    }

    private static async Task<HttpResponseMessage> ParseAsync(HelpBotServer server, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/nlu/parse") { Content = JsonContent.Create(new { text = "订单 2611240000000006 到哪了" }) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await server.Http.SendAsync(request);
    }

    // A window far longer than the test, so no permit comes back while it runs.
    private static Task<HelpBotServer> StartAsync(int permitLimit) => HelpBotServer.StartAsync(new Dictionary<string, string?>
    {
        ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
        ["MicrosoftAppPassword"] = "not-a-real-secret",
        ["MicrosoftAppType"] = "MultiTenant",
        ["AgentDesk:Tokens:0"] = OperatorToken,
        ["HelpBot:Nlu:PermitLimit"] = permitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["HelpBot:Nlu:Window"] = "01:00:00",
    });
}
