using HelpBot.Dialogs.Localization;
using Microsoft.Bot.Schema;

namespace HelpBot.Dialogs.Tests.Conversation;

public class ConversationBasicsTests
{
    [Fact]
    public async Task A_new_member_is_welcomed_with_the_menu()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation()
            .Send(new Activity(ActivityTypes.ConversationUpdate)
            {
                MembersAdded = [new ChannelAccount("demo-user")],
                Locale = BotLanguage.Chinese,
            })
            .AssertReplyWithButtons(["外卖小助手"], "查订单", "支付问题", "配送太慢", "联系客服")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("hi", BotLanguage.English, "HelpBot", "Check my order")]
    [InlineData("你好", BotLanguage.Chinese, "外卖小助手", "查订单")]
    public async Task A_greeting_gets_the_welcome_in_the_customers_language(string text, string language, string fragment, string button)
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation(language: language).Send(text).AssertReplyWithButtons([fragment], button).StartTestAsync();
    }

    [Fact]
    public async Task Without_a_channel_locale_the_language_comes_from_the_text()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation(language: string.Empty)
            .Send("hello there").AssertReplyContains("HelpBot")
            .Send("你好").AssertReplyContains("外卖小助手")
            .StartTestAsync();
    }

    [Fact]
    public async Task Cancel_abandons_the_current_flow_at_any_step()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation()
            .Send("查订单").AssertReplyContains("是哪个订单")
            .Send("取消").AssertReplyContains("先不做了")
            .Send("取消").AssertReplyContains("没有进行中的操作")
            .StartTestAsync();
    }

    [Fact]
    public async Task Help_explains_and_asks_the_pending_question_again()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation(language: BotLanguage.English)
            .Send("2611240000000008").AssertReplyContains("last 4 digits")
            .Send("help").AssertReplyContains("answer the question below")
            .AssertReplyContains("last 4 digits")
            .Send("9000").AssertReplyContains("Order 2611240000000008")
            .StartTestAsync();
    }

    [Fact]
    public async Task Start_over_clears_the_flow_and_shows_the_welcome()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation()
            .Send("查订单").AssertReplyContains("是哪个订单")
            .Send("重新开始").AssertReplyContains("外卖小助手")
            .Send("2611240000000001").AssertReplyContains("已送达")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("联系客服", "截图")]
    [InlineData("怎么避免这些问题", "12 点")]
    [InlineData("谢谢", "不客气")]
    [InlineData("今天天气怎么样", "没太明白")]
    public async Task Other_requests_get_a_useful_answer(string text, string expected)
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation().Send(text).AssertReplyContains(expected).StartTestAsync();
    }

    [Fact]
    public async Task A_message_without_text_gets_a_nudge()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation(language: BotLanguage.English)
            .Send(new Activity(ActivityTypes.Message) { Text = " ", Locale = BotLanguage.English })
            .AssertReplyContains("text messages")
            .StartTestAsync();
    }
}
