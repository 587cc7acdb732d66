namespace HelpBot.EndToEnd.Tests;

public class ConversationOverHttpTests
{
    [Fact]
    public async Task The_issue_scenario_works_over_http_in_chinese()
    {
        await using var server = await HelpBotServer.StartAsync();

        var orders = HelpBotServer.TextOf(await server.SayAsync("c1", "查订单"));
        Assert.Contains("2611240000000002", orders, StringComparison.Ordinal);
        Assert.Contains("2611240000000007", orders, StringComparison.Ordinal);
        Assert.DoesNotContain("2611240000000008", orders, StringComparison.Ordinal);

        var status = HelpBotServer.TextOf(await server.SayAsync("c1", "2611240000000002"));
        Assert.Contains("商家准备中", status, StringComparison.Ordinal);
        Assert.Contains("45 分钟", status, StringComparison.Ordinal);
        Assert.Contains("比平常久", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_issue_scenario_works_over_http_in_english()
    {
        await using var server = await HelpBotServer.StartAsync();

        var orders = HelpBotServer.TextOf(await server.SayAsync("c2", "check my order", "en-US"));
        Assert.Contains("Which order", orders, StringComparison.Ordinal);
        Assert.Contains("2611240000000002", orders, StringComparison.Ordinal);

        var status = await server.SayAsync("c2", "2611240000000002", "en-US");
        var text = HelpBotServer.TextOf(status);
        Assert.Contains("The restaurant is preparing it", text, StringComparison.Ordinal);
        Assert.Contains("45 min", text, StringComparison.Ordinal);
        Assert.NotEmpty(status[^1]["suggestedActions"]!["actions"]!.AsArray());
    }

    [Fact]
    public async Task Another_users_order_reveals_nothing_over_http()
    {
        await using var server = await HelpBotServer.StartAsync();

        var ask = HelpBotServer.TextOf(await server.SayAsync("c3", "2611240000000008"));
        var answer = HelpBotServer.TextOf(await server.SayAsync("c3", "8000"));

        var unknownAsk = HelpBotServer.TextOf(await server.SayAsync("c4", "2611240000009999"));
        var unknownAnswer = HelpBotServer.TextOf(await server.SayAsync("c4", "8000"));

        Assert.Equal(unknownAsk, ask);
        Assert.Equal(unknownAnswer, answer);
        foreach (var text in new[] { ask, answer })
        {
            Assert.DoesNotContain("13900139000", text, StringComparison.Ordinal);
            Assert.DoesNotContain("配送中", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Conversations_do_not_share_state()
    {
        await using var server = await HelpBotServer.StartAsync();
        await server.SayAsync("a", "查订单");
        var other = HelpBotServer.TextOf(await server.SayAsync("b", "2611240000000001"));
        Assert.Contains("已送达", other, StringComparison.Ordinal);
    }
}
