using HelpBot.AgentDesk.Cases;
using HelpBot.AgentDesk.Tests.Infrastructure;
using HelpBot.Testing.Redis;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace HelpBot.AgentDesk.Tests;

/// <summary>Two bot instances sharing a real redis-server: cases, queue, screenshots and transcripts are shared.</summary>
public sealed class SharedRedisTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private Dictionary<string, string?> Settings(string prefix) => new()
    {
        ["ConnectionStrings:Redis"] = redis.ConnectionString,
        ["Redis:KeyPrefix"] = prefix,
    };

    [Fact]
    public async Task An_agent_on_one_instance_answers_a_case_opened_on_another()
    {
        var prefix = "desk-" + Guid.NewGuid().ToString("N") + ":";
        await using var channel = await ChannelRecorder.StartAsync();
        await using var instanceA = await DeskServer.StartAsync(channel.BaseUrl, Settings(prefix));
        await using var instanceB = await DeskServer.StartAsync(channel.BaseUrl, Settings(prefix));
        const string conversation = "redis-shared";

        var caseId = await Escalations.ChargedButUnpaidAsync(instanceB, conversation, ("image/png", TestImages.PngDataUrl));

        var details = await instanceA.GetJsonAsync($"/api/agent/escalations/{caseId}");
        Assert.Equal(Escalations.ChargedButUnpaidOrder, (string?)details["orderNumber"]);
        using (var image = await instanceA.Agent.GetAsync((string)details["attachments"]![0]!["url"]!))
        {
            Assert.Equal(TestImages.Png, await image.Content.ReadAsByteArrayAsync());
        }

        Assert.Contains((await instanceA.GetJsonAsync($"/api/agent/escalations/{caseId}/transcript")).AsArray(), a => (string?)a!["text"] == "支付问题");

        await instanceA.PostJsonAsync($"/api/agent/escalations/{caseId}/claim", new { agent = "Wang" });
        Assert.Empty(await instanceB.SayAsync(conversation, "还在吗？"));
        Assert.Contains((await instanceA.GetJsonAsync($"/api/agent/escalations/{caseId}"))["messages"]!.AsArray(), m => (string?)m!["text"] == "还在吗？");

        await instanceA.PostJsonAsync($"/api/agent/escalations/{caseId}/messages", new { text = "在的，正在核实。" });
        await channel.WaitForMessageAsync(conversation, "正在核实");
        await instanceA.PostJsonAsync($"/api/agent/escalations/{caseId}/close", new { resolution = "no_action" });
        await channel.WaitForMessageAsync(conversation, "评分");

        // The rating question was started in the shared state, so instance B takes the answer.
        Assert.False(string.IsNullOrWhiteSpace(DeskServer.TextOf(await instanceB.SayAsync(conversation, "⭐⭐⭐⭐"))));
        Assert.Equal(4, (int?)(await instanceA.GetJsonAsync($"/api/agent/escalations/{caseId}"))["rating"]);
    }

    [Fact]
    public async Task Cases_opened_at_once_on_two_instances_all_reach_the_queue()
    {
        var prefix = "desk-" + Guid.NewGuid().ToString("N") + ":";
        await using var channel = await ChannelRecorder.StartAsync();
        await using var instanceA = await DeskServer.StartAsync(channel.BaseUrl, Settings(prefix));
        await using var instanceB = await DeskServer.StartAsync(channel.BaseUrl, Settings(prefix));
        var stores = new[] { instanceA, instanceB }.Select(s => s.Services.GetRequiredService<CaseStore>()).ToArray();

        var opened = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() =>
        {
            var store = stores[i % 2];
            return store.OpenAsync(
                new EscalationCase
                {
                    Id = $"HB-concurrent-{i:D2}",
                    CreatedAt = DateTimeOffset.UnixEpoch.AddMinutes(i),
                    ProblemType = "refund",
                    ConversationKey = $"webchat/conversations/c{i}",
                    Conversation = new ConversationReference { ChannelId = "webchat", Conversation = new ConversationAccount(id: $"c{i}") },
                },
                CancellationToken.None);
        })));

        var queue = await stores[0].OpenCasesAsync(CancellationToken.None);
        Assert.Equal(opened.Select(c => c.Id).Order(StringComparer.Ordinal), queue.Select(e => e.Id));
        Assert.Equal(12, await stores[1].PositionAsync("HB-concurrent-11", CancellationToken.None));
    }
}
