using HelpBot.Dialogs.Localization;
using HelpBot.Dialogs.Tests.Conversation;
using HelpBot.Platform.Models;

namespace HelpBot.Dialogs.Tests.Troubleshooting;

public class OrderStuckFlowTests
{
    private const string NotSynced = "2611240000000002";

    [Fact]
    public async Task The_guides_worked_case_ends_in_cancel_and_reorder_with_the_refund_explained()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation()
            .Send("订单卡住了").AssertReplyContains("是哪个订单")
            .Send(NotSynced)
            .AssertReplyWithButtons(["没有收到这个订单", "商家准备中", "再等也没有用"], "通知商家", "商家电话", "取消后重新下单", "转给客服处理")
            .Send("取消后重新下单")
            .AssertReplyWithButtons(["要取消订单 2611240000000002", "¥28.00", "支付宝", "1 到 3 天"], "确认取消", "先不取消")
            .Send("确认取消").AssertReplyContains("已取消订单", "¥28.00", "退回支付宝", "保留已取消订单的截图")
            .AssertReplyWithButtons(["解决了吗"], "解决了", "还没有")
            .Send("解决了").AssertReplyContains("下次可以注意")
            .AssertReplyWithButtons(["打分"], "⭐⭐⭐⭐⭐")
            .Send("⭐⭐⭐⭐").AssertReplyContains("谢谢你的评分")
            .StartTestAsync();

        Assert.Equal(OrderStatus.Cancelled, bot.Sandbox.State.GetOrder(NotSynced).Status);
    }

    [Fact]
    public async Task The_worked_case_in_english_from_the_status_button()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation(language: BotLanguage.English)
            .Send(NotSynced).AssertReplyContains("longer than usual")
            .Send("Order is stuck")
            .AssertReplyWithButtons(["never received this order", "Waiting longer won't help"], "Notify the restaurant", "Cancel and reorder")
            .Send("Cancel and reorder").AssertReplyContains("refunds it in full to Alipay")
            .Send("Yes, cancel it").AssertReplyContains("the order is cancelled", "¥28.00")
            .AssertReplyContains("Is your problem solved now?")
            .StartTestAsync();
    }

    [Fact]
    public async Task Keeping_the_order_changes_nothing()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation()
            .Send("订单卡住了 " + NotSynced).AssertReplyContains("没有收到这个订单")
            .Send("取消后重新下单").AssertReplyContains("要取消订单")
            .Send("先不取消").AssertReplyContains("订单保持不变")
            .AssertReplyContains("解决了吗")
            .StartTestAsync();

        Assert.Equal(OrderStatus.Preparing, bot.Sandbox.State.GetOrder(NotSynced).Status);
    }

    [Fact]
    public async Task Notifying_the_restaurant_sends_a_message_without_the_customers_phone()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation()
            .Send("订单卡住了 " + NotSynced).AssertReplyContains("没有收到这个订单")
            .Send("通知商家").AssertReplyContains("已经给 福满园黄焖鸡米饭 发了消息", "10 分钟")
            .AssertReplyContains("解决了吗")
            .StartTestAsync();

        var message = Assert.Single(bot.Sandbox.State.MerchantMessages);
        Assert.Equal(NotSynced, message.OrderNumber);
        Assert.DoesNotContain("13800138000", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_restaurants_phone_comes_with_what_to_tell_them()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation(language: BotLanguage.English)
            .Send("my order is stuck " + NotSynced).AssertReplyContains("never received this order")
            .Send("Restaurant's phone").AssertReplyContains("021-5555-0102", NotSynced)
            .AssertReplyContains("Is your problem solved now?")
            .StartTestAsync();
    }

    [Fact]
    public async Task Not_solved_hands_the_case_to_support_with_a_ticket()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation()
            .Send("订单卡住了 " + NotSynced).AssertReplyContains("没有收到这个订单")
            .Send("商家电话").AssertReplyContains("021-5555-0102")
            .AssertReplyContains("解决了吗")
            .Send("还没有").AssertReplyContains("截图")
            .Send("没有截图").AssertReplyContains("工单号", "排在第")
            .StartTestAsync();

        var ticket = Assert.Single(bot.Sandbox.State.Tickets);
        Assert.Equal(NotSynced, ticket.OrderNumber);
        Assert.Equal("order", ticket.Category);
    }

    [Fact]
    public async Task A_mismatched_order_reported_as_stuck_moves_to_the_mismatch_flow()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation()
            .Send("订单卡住了 2611240000000007").AssertReplyContains("两边显示的状态不一样")
            .StartTestAsync();
    }

    [Fact]
    public async Task Answering_a_button_question_with_something_else_starts_that_instead()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation()
            .Send("订单卡住了 " + NotSynced).AssertReplyContains("没有收到这个订单")
            .Send("2611240000000001").AssertReplyContains("订单 2611240000000001", "已送达")
            .StartTestAsync();
    }
}
