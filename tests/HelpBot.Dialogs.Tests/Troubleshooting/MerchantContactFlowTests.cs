using HelpBot.Dialogs.Tests.Conversation;

namespace HelpBot.Dialogs.Tests.Troubleshooting;

public class MerchantContactFlowTests
{
    [Fact]
    public async Task The_restaurants_phone_then_an_unsolved_problem_goes_to_the_restaurant()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation()
            .Send("联系商家").AssertReplyContains("是哪个订单")
            .Send("2611240000000001").AssertReplyContains("021-5555-0101", "2611240000000001")
            .AssertReplyContains("解决了吗")
            .Send("还没有").AssertReplyContains("截图")
            .Send("没有截图").AssertReplyContains("发给商家", "老街麻辣烫")
            .StartTestAsync();

        var message = Assert.Single(bot.Sandbox.State.MerchantMessages);
        Assert.Equal("2611240000000001", message.OrderNumber);
        Assert.DoesNotContain("13800138000", message.Text, StringComparison.Ordinal);
    }
}
