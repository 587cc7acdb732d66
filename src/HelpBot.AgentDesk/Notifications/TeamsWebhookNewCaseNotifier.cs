using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HelpBot.AgentDesk.Cases;

namespace HelpBot.AgentDesk.Notifications;

/// <summary>
/// Posts a simple card (MessageCard) for each new case to the agents' Teams channel through its incoming webhook
/// (AgentDesk:TeamsWebhookUrl), with a button that opens the case on the desk.
/// </summary>
public sealed class TeamsWebhookNewCaseNotifier : INewCaseNotifier
{
    private readonly HttpClient _http;
    private readonly Uri _webhook;

    public TeamsWebhookNewCaseNotifier(HttpClient http, Uri webhook)
    {
        _http = http;
        _webhook = webhook;
    }

    public async Task NotifyAsync(EscalationCase escalation, Uri deskLink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        ArgumentNullException.ThrowIfNull(deskLink);
        using var response = await _http.PostAsJsonAsync(_webhook, Card(escalation, deskLink), cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public static JsonObject Card(EscalationCase escalation, Uri deskLink)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        ArgumentNullException.ThrowIfNull(deskLink);
        var title = $"New case {escalation.Id}: {escalation.ProblemType}";
        return new JsonObject
        {
            ["@type"] = "MessageCard",
            ["@context"] = "https://schema.org/extensions",
            ["summary"] = title,
            ["title"] = title,
            ["sections"] = new JsonArray
            {
                new JsonObject
                {
                    ["facts"] = new JsonArray
                    {
                        Fact("Case", escalation.Id),
                        Fact("Problem", escalation.ProblemType),
                        Fact("Order", escalation.OrderNumber ?? "-"),
                        Fact("Language", escalation.Language),
                        Fact("Screenshots", escalation.Attachments.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    },
                },
            },
            ["potentialAction"] = new JsonArray
            {
                new JsonObject
                {
                    ["@type"] = "OpenUri",
                    ["name"] = "Open in the agent desk",
                    ["targets"] = new JsonArray { new JsonObject { ["os"] = "default", ["uri"] = deskLink.AbsoluteUri } },
                },
            },
        };
    }

    private static JsonObject Fact(string name, string value) => new() { ["name"] = name, ["value"] = value };
}
