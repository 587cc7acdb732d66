using HelpBot.Dialogs.Conversation;
using HelpBot.Dialogs.Localization;
using HelpBot.Language.Model;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace HelpBot.Dialogs.Tests.Conversation;

public class UnderstandingTests
{
    [Theory]
    [InlineData("外卖咋还没到", "是哪个订单")]
    [InlineData("付了钱显示未支付", "是哪个订单")]
    [InlineData("订单号 2611 2400 0000 0002 到哪了", "订单 2611240000000002")]
    [InlineData("app一直闪退", "平台目前运行正常")]
    public async Task Free_text_reaches_the_right_flow(string text, string expected)
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation().Send(text).AssertReplyContains(expected).StartTestAsync();
    }

    [Fact]
    public async Task A_typed_order_number_fills_the_slot_so_the_flow_does_not_ask()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation(language: BotLanguage.English)
            .Send("where is my refund for 2611240000000001").AssertReplyContains("refund now needs platform support to review it")
            .StartTestAsync();
    }

    [Fact]
    public async Task An_uncertain_reading_gets_a_clarifying_question_with_the_likeliest_options()
    {
        var recognizer = new Mock<ITurnIntentRecognizer>();
        recognizer.Setup(r => r.RecognizeAsync("它怎么回事", It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new TurnIntent(Intents.DeliveryDelay, 0.41, null)
            {
                Alternatives = [new(Intents.DeliveryDelay, 0.41), new(Intents.OrderStuck, 0.3), new(Intents.PaymentFailed, 0.2), new(Intents.None, 0.09)],
            });
        await using var bot = await BotFixture.StartAsync(services => services.AddSingleton(recognizer.Object));

        await bot.Conversation()
            .Send("它怎么回事").AssertReplyWithButtons(["哪种情况"], "配送太慢", "订单卡住了", "支付问题")
            .Send("订单卡住了").AssertReplyContains("是哪个订单")
            .StartTestAsync();
    }

    [Fact]
    public async Task Asking_for_a_person_works_in_the_middle_of_a_flow()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation()
            .Send("2611240000000008").AssertReplyContains("后 4 位")
            .Send("转人工").AssertReplyContains("截图")
            .Send("没有截图").AssertReplyContains("工单号", "排在第")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_button_that_mentions_support_answers_the_question_instead_of_interrupting()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation()
            .Send("支付问题 2611240000000004").AssertReplyContains("请不要重复付款")
            .Send("转给客服处理").AssertReplyContains("截图")
            .Send("没有截图").AssertReplyContains("工单号", "排在第")
            .StartTestAsync();
    }
}
