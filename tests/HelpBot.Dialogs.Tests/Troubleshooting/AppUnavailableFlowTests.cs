using HelpBot.Dialogs.Localization;
using HelpBot.Dialogs.Tests.Conversation;
using HelpBot.Platform.Sandbox.Admin;

namespace HelpBot.Dialogs.Tests.Troubleshooting;

public class AppUnavailableFlowTests
{
    [Fact]
    public async Task Without_an_incident_the_customer_gets_the_self_checks()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation()
            .Send("APP 打不开").AssertReplyContains("平台目前运行正常")
            .AssertReplyContains("其他 APP 或网页")
            .Send("可以").AssertReplyContains("最新版本")
            .Send("可以").AssertReplyContains("彻底退出 APP")
            .Send("不行").AssertReplyContains("反复点刷新没有用")
            .AssertReplyContains("解决了吗")
            .StartTestAsync();
    }

    [Fact]
    public async Task During_an_incident_the_bot_says_so_and_skips_the_self_checks_then_recovers_when_it_ends()
    {
        await using var bot = await BotFixture.StartAsync();
        var incident = bot.Sandbox.State.StartIncident(new StartIncidentRequest("app", null));

        await bot.Conversation(language: BotLanguage.English)
            .Send("the app keeps showing server error").AssertReplyContains("known problem with the app")
            .AssertReplyContains("don't retry payments", "your orders are kept")
            .AssertReplyContains("Is your problem solved now?")
            .StartTestAsync();

        bot.Sandbox.State.EndIncident(incident.Id);
        await bot.Conversation(language: BotLanguage.English)
            .Send("the app keeps showing server error").AssertReplyContains("running normally")
            .AssertReplyContains("Do other apps")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_payment_incident_is_reported_in_chinese()
    {
        await using var bot = await BotFixture.StartAsync();
        bot.Sandbox.State.StartIncident(new StartIncidentRequest("payment", new Dictionary<string, string> { ["zh-CN"] = "支付通道维护中", ["en-US"] = "Payments under maintenance" }));

        await bot.Conversation()
            .Send("APP 打不开").AssertReplyContains("支付功能", "已知故障", "支付通道维护中")
            .AssertReplyContains("不要反复重试付款")
            .StartTestAsync();
    }

    [Fact]
    public async Task Checks_already_answered_in_words_are_skipped()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation()
            .Send("APP一直闪退，网络没问题，也重启过了").AssertReplyContains("平台目前运行正常")
            .AssertReplyContains("最新版本")
            .Send("可以").AssertReplyContains("解决了吗")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_weak_network_said_upfront_gets_the_advice_without_the_question()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation()
            .Send("APP打不开，我这里信号不好").AssertReplyContains("平台目前运行正常")
            .AssertReplyContains("在 WiFi 和移动数据之间切换")
            .AssertReplyContains("最新版本")
            .StartTestAsync();
    }
}
