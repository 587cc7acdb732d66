using HelpBot.Dialogs.Localization;
using HelpBot.Dialogs.Tests.Conversation;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace HelpBot.Dialogs.Tests.Troubleshooting;

public class PaymentFlowTests
{
    [Fact]
    public async Task Charged_but_unpaid_says_do_not_pay_again_and_offers_support()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation()
            .Send("支付问题").AssertReplyContains("是哪个订单")
            .Send("2611240000000004")
            .AssertReplyWithButtons(["请不要重复付款", "¥36.00", "24 小时", "截图"], "转给客服处理", "我等自动退款")
            .Send("转给客服处理").AssertReplyContains("截图")
            .Send("没有截图").AssertReplyContains("工单号", "排在第")
            .StartTestAsync();

        var ticket = Assert.Single(bot.Sandbox.State.Tickets);
        Assert.Equal("payment", ticket.Category);
        Assert.Equal("2611240000000004", ticket.OrderNumber);
    }

    [Fact]
    public async Task Charged_but_unpaid_in_english_and_waiting_for_the_refund()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation(language: BotLanguage.English)
            .Send("I was charged but the order says unpaid 2611240000000004").AssertReplyContains("Please don't pay again")
            .Send("I'll wait for the refund").AssertReplyContains("3 business days")
            .AssertReplyContains("Is your problem solved now?")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_channel_error_walks_through_the_self_checks_with_advice_on_each_no()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation()
            .Send("支付失败 2611240000000003").AssertReplyContains("支付渠道异常", "没有扣款")
            .AssertReplyWithButtons(["其他 APP 或网页"], "可以", "不行")
            .Send("不行").AssertReplyContains("切换")
            .AssertReplyContains("支付方式在 APP 里绑定")
            .Send("可以").AssertReplyContains("最新版本（8.3.0）")
            .Send("不行").AssertReplyContains("官方应用商店更新", "8.0.0")
            .AssertReplyContains("解决了吗")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_check_answered_in_the_first_message_is_not_asked_again()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation()
            .Send("2611240000000003 付款失败了，网络没问题").AssertReplyContains("支付渠道异常")
            .AssertReplyContains("支付方式在 APP 里绑定")
            .Send("可以").AssertReplyContains("最新版本")
            .StartTestAsync();
    }

    [Fact]
    public async Task The_app_version_comes_from_the_client_info_when_the_app_sends_it()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation(language: BotLanguage.English)
            // An unsupported version is the likely cause: said at once, before any question.
            .Send(WithClientInfo("payment failed 2611240000000003", "7.9.2")).AssertReplyContains("payment channel")
            .AssertReplyContains("7.9.2", "older than the oldest supported version 8.0.0")
            .AssertReplyContains("Is your problem solved now?")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_web_client_says_nothing_about_the_app_version_so_the_question_is_asked()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation(language: BotLanguage.English)
            .Send(WithClientInfo("payment failed 2611240000000003", "1.0.0", "web")).AssertReplyContains("payment channel")
            .AssertReplyContains("Do other apps")
            .Send(WithClientInfo("yes", "1.0.0", "web")).AssertReplyContains("payment method linked")
            .Send(WithClientInfo("yes", "1.0.0", "web")).AssertReplyContains("Is your app the latest version (8.3.0)?")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_card_over_its_limit_needs_another_method_and_no_checks()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation(language: BotLanguage.English)
            .Send("Payment problem").AssertReplyContains("Which order")
            .Send("2611240000000005").AssertReplyContains("limit was exceeded", "you were not charged")
            .AssertReplyContains("Is your problem solved now?")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_paid_order_is_said_to_be_fine()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation().Send("支付问题 2611240000000001").AssertReplyContains("支付成功", "支付没有问题").StartTestAsync();
    }

    private static Activity WithClientInfo(string text, string appVersion, string platform = "android") => new(ActivityTypes.Message)
    {
        Text = text,
        Locale = BotLanguage.English,
        ChannelData = JObject.FromObject(new { clientInfo = new { appVersion, platform, networkType = "wifi" } }),
    };
}
