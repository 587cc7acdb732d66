using System.Text.Json.Nodes;
using HelpBot.AgentDesk.Tests.Infrastructure;

namespace HelpBot.AgentDesk.Tests;

public sealed class NewCaseNotifierTests
{
    [Fact]
    public async Task Each_new_case_is_posted_to_the_agents_teams_webhook_with_a_desk_link()
    {
        await using var webhook = await ChannelRecorder.StartAsync();
        await using var server = await DeskServer.StartAsync(webhook.BaseUrl, new Dictionary<string, string?>
        {
            ["AgentDesk:TeamsWebhookUrl"] = new Uri(webhook.BaseUrl, "hooks/teams").AbsoluteUri,
            ["AgentDesk:PublicBaseUrl"] = "https://desk.example.com/",
        });

        var caseId = await Escalations.ChargedButUnpaidAsync(server, "notify");

        var (path, body) = Assert.Single(webhook.Posts);
        Assert.Equal("/hooks/teams", path);
        var card = JsonNode.Parse(body)!;
        Assert.Equal("MessageCard", (string?)card["@type"]);
        Assert.Contains(caseId, (string?)card["title"], StringComparison.Ordinal);
        Assert.Contains(card["sections"]![0]!["facts"]!.AsArray(), f => (string?)f!["value"] == Escalations.ChargedButUnpaidOrder);
        Assert.Equal($"https://desk.example.com/agent#case={caseId}", (string?)card["potentialAction"]![0]!["targets"]![0]!["uri"]);
    }

    [Fact]
    public async Task A_webhook_that_fails_does_not_stop_the_case()
    {
        await using var channel = await ChannelRecorder.StartAsync();
        await using var server = await DeskServer.StartAsync(channel.BaseUrl, new Dictionary<string, string?>
        {
            ["AgentDesk:TeamsWebhookUrl"] = new Uri(channel.BaseUrl, "no-such-hook").AbsoluteUri,
        });

        var caseId = await Escalations.ChargedButUnpaidAsync(server, "notify-fails");
        Assert.Equal(caseId, (string?)(await server.GetJsonAsync($"/api/agent/escalations/{caseId}"))["id"]);
    }
}
