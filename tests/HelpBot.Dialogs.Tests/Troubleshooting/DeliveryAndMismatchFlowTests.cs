using HelpBot.Dialogs.Localization;
using HelpBot.Dialogs.Tests.Conversation;

namespace HelpBot.Dialogs.Tests.Troubleshooting;

public class DeliveryAndMismatchFlowTests
{
    private const string Late = "2611240000000006";
    private const string Mismatch = "2611240000000007";

    [Fact]
    public async Task A_late_delivery_names_the_causes_the_data_shows_and_the_silent_rider()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation()
            .Send("外卖怎么还没到").AssertReplyContains("是哪个订单")
            .Send(Late)
            .AssertReplyWithButtons(["推迟了 3 次", "商家出餐慢", "骑手调度延迟", "天气原因", "王师傅", "15 分钟", "别干等"], "联系骑手", "修改送达时间", "转给客服处理")
            .Send("联系骑手").AssertReplyContains("王师傅", "137****2468", "隐私号")
            .AssertReplyContains("解决了吗")
            .StartTestAsync();
    }

    [Fact]
    public async Task The_delivery_time_can_be_moved_later()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation(language: BotLanguage.English)
            .Send("my delivery is so late " + Late).AssertReplyContains("pushed back 3 times", "the restaurant took longer")
            .Send("Change delivery time").AssertReplyContains("When should it arrive")
            .Send("whenever").AssertReplyContains("between now and tomorrow")
            .Send("in 40 minutes").AssertReplyContains("will now be delivered at")
            .AssertReplyContains("Is your problem solved now?")
            .StartTestAsync();

        Assert.NotNull(bot.Sandbox.State.GetOrder(Late).Delivery.ScheduledFor);
    }

    [Fact]
    public async Task A_delay_complaint_about_an_order_still_at_the_restaurant_is_diagnosed_there()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation().Send("配送太慢 2611240000000002").AssertReplyContains("没有收到这个订单").StartTestAsync();
    }

    [Fact]
    public async Task A_mismatch_shows_both_states_says_which_to_trust_and_escalates_with_both()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation()
            .Send("APP显示在做，商家说取消了 " + Mismatch)
            .AssertReplyWithButtons(["APP 上：“商家准备中”", "商家系统：“已取消”", "以商家系统为准", "不要反复刷新", "截图"], "转给客服处理", "取消后重新下单")
            .Send("转给客服处理").AssertReplyContains("截图")
            .Send("没有截图").AssertReplyContains("工单号", "排在第")
            .StartTestAsync();

        var ticket = Assert.Single(bot.Sandbox.State.Tickets);
        Assert.Equal("status_mismatch", ticket.Category);
    }

    [Fact]
    public async Task A_mismatch_in_english()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation(language: BotLanguage.English)
            .Send("App and restaurant disagree").AssertReplyContains("Which order")
            .Send(Mismatch).AssertReplyContains("In the app", "In the restaurant's system", "Trust the restaurant's system")
            .StartTestAsync();
    }

    [Fact]
    public async Task Orders_whose_two_views_agree_are_said_to_be_in_sync()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation().Send("状态不一致 2611240000000001").AssertReplyContains("两边是同步的").StartTestAsync();
    }
}
