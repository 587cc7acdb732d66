using HelpBot.AgentDesk.Cases;
using HelpBot.Dialogs.Escalation;
using HelpBot.Dialogs.WrapUp;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HelpBot.Dialogs.Tests.Cases;

/// <summary>What is already in storage still loads: dialog options with the old route numbers, desk cases with flat keys.</summary>
public sealed class StoredShapeTests
{
    [Theory]
    [InlineData("{\"Route\":0}", CaseRoutes.Platform)]
    [InlineData("{\"Route\":1}", CaseRoutes.Merchant)]
    [InlineData("{\"Route\":\"merchant\"}", CaseRoutes.Merchant)]
    public void Routes_saved_as_numbers_or_names_read_as_names(string json, string expected)
    {
        Assert.Equal(expected, JObject.Parse(json).ToObject<WrapUpOptions>()!.Route);
        Assert.Equal(expected, JObject.Parse(json).ToObject<EscalationOptions>()!.Route);
    }

    [Fact]
    public void Routes_are_written_as_names()
    {
        Assert.Equal("{\"Route\":\"merchant\"}", JsonConvert.SerializeObject(new WrapUpOptions(CaseRoutes.Merchant)));
    }

    [Fact]
    public void A_desk_case_keeps_its_case_file_in_the_flat_keys_it_always_had()
    {
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        const string stored = """
            {"id":"C1","status":"waiting","route":"platform","createdAt":"2026-01-02T03:04:05+00:00","conversationKey":"k",
             "conversation":{},"language":"en-US","orderNumber":"O1","problemType":"payment_failed","findings":["paid"],
             "checks":[{"name":"network","result":"ok","source":"customer","at":"2026-01-02T03:04:05+00:00"}],
             "actions":[{"name":"agent_case","outcome":"done","at":"2026-01-02T03:04:05+00:00","detail":"C1"}],
             "attachments":[],"messages":[],"rating":4}
            """;

        var escalation = JObject.Parse(stored).ToObject<EscalationCase>()!;

        Assert.Equal("O1", escalation.File.OrderNumber);
        Assert.Equal("payment_failed", escalation.File.ProblemType);
        Assert.Equal(["paid"], escalation.File.Findings);
        Assert.Equal(new CaseCheck("network", "ok", "customer", at), Assert.Single(escalation.File.Checks));
        Assert.Equal(new CaseAction("agent_case", "done", at, "C1"), Assert.Single(escalation.File.Actions));
        Assert.Equal(4, escalation.Rating);
        var written = JObject.FromObject(escalation);
        Assert.Equal("payment_failed", (string?)written["problemType"]);
        Assert.Equal("network", (string?)written["checks"]![0]!["name"]);
        Assert.Null(written["File"]);
    }
}
