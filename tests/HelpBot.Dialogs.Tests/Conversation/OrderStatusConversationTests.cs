using HelpBot.Dialogs.Localization;

namespace HelpBot.Dialogs.Tests.Conversation;

public class OrderStatusConversationTests
{
    private const string Stuck = "2611240000000002";
    private const string Foreign = "2611240000000008";

    [Fact]
    public async Task Chinese_check_order_lists_the_customers_orders_and_a_typed_number_gets_the_status_and_next_steps()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation()
            .Send("查订单")
            .AssertReplyContains("是哪个订单", "2611240000000001", Stuck, "2611240000000007", "商家准备中 · #0002")
            .Send(Stuck)
            .AssertReplyWithButtons(["订单 2611240000000002", "商家准备中", "45 分钟", "原预计", "已超时", "进度", "已下单", "比平常久"], "订单卡住了", "联系客服", "查其他订单")
            .StartTestAsync();
    }

    [Fact]
    public async Task English_check_order_gives_the_same_answers_in_english()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation(language: BotLanguage.English)
            .Send("Check my order")
            .AssertReplyContains("Which order", Stuck)
            .Send(Stuck)
            .AssertReplyWithButtons(["Order 2611240000000002", "The restaurant is preparing it", "45 min", "longer than usual"], "Order is stuck", "Contact support")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("查订单 2611-2400-0000-0002")]
    [InlineData("我的订单 2611 2400 0000 0002 到哪了")]
    [InlineData("full-width")]
    public async Task An_order_number_in_the_first_message_skips_the_question(string message)
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation().Send(message == "full-width" ? Orders.OrderNumberTests.FullWidth("2611240000000002") : message).AssertReplyContains("订单 2611240000000002", "商家准备中").StartTestAsync();
    }

    [Theory]
    [InlineData("2611240000000001", "已送达")]
    [InlineData("2611240000000003", "支付没有成功")]
    [InlineData("2611240000000004", "不要重复付款")]
    [InlineData("2611240000000005", "支付没有成功")]
    [InlineData("2611240000000006", "推迟 3 次")]
    [InlineData("2611240000000007", "商家准备中")]
    public async Task Each_demo_order_is_described_by_what_its_data_says(string orderNumber, string expected)
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation().Send("查订单").AssertReplyContains("是哪个订单").Send(orderNumber).AssertReplyContains(expected).StartTestAsync();
    }

    [Theory]
    [InlineData("2611240000000001", "Delivered")]
    [InlineData("2611240000000002", "longer than usual")]
    [InlineData("2611240000000003", "payment didn't go through")]
    [InlineData("2611240000000004", "don't pay again")]
    [InlineData("2611240000000005", "payment didn't go through")]
    [InlineData("2611240000000006", "pushed back 3 times")]
    [InlineData("2611240000000007", "The restaurant is preparing it")]
    public async Task Each_demo_order_is_described_in_english_too(string orderNumber, string expected)
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation(language: BotLanguage.English)
            .Send("Check my order").AssertReplyContains("Which order")
            .Send(orderNumber).AssertReplyContains($"Order {orderNumber}", expected)
            .StartTestAsync();
    }

    [Fact]
    public async Task The_rider_and_the_last_location_update_are_shown_for_a_delivery()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation(language: BotLanguage.English)
            .Send("2611240000000006")
            .AssertReplyWithButtons(["On the way", "Rider", "last location update 15 min ago", "pushed back 3 times"], "Delivery is late")
            .StartTestAsync();
    }

    [Fact]
    public async Task Someone_elses_order_needs_the_phone_digits_and_a_wrong_answer_reveals_nothing()
    {
        await using var bot = await BotFixture.StartAsync();
        string? foreignAnswer = null;
        string? unknownAnswer = null;

        await bot.Conversation()
            .Send(Foreign).AssertReplyContains("手机号的后 4 位")
            .Send("8000").AssertReply(a => foreignAnswer = a.AsMessageActivity().Text)
            .StartTestAsync();
        await bot.Conversation()
            .Send("2611249999999999").AssertReplyContains("手机号的后 4 位")
            .Send("8000").AssertReply(a => unknownAnswer = a.AsMessageActivity().Text)
            .StartTestAsync();

        Assert.Equal(unknownAnswer, foreignAnswer);
        Assert.DoesNotContain("麻辣", foreignAnswer, StringComparison.Ordinal);
        Assert.DoesNotContain(Foreign, foreignAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_right_phone_digits_unlock_an_order_for_the_rest_of_the_conversation()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation()
            .Send(Foreign).AssertReplyContains("后 4 位")
            .Send("9000").AssertReplyContains($"订单 {Foreign}")
            .Send(Foreign).AssertReplyContains($"订单 {Foreign}")
            .StartTestAsync();
    }

    [Fact]
    public async Task The_phone_check_stops_after_three_wrong_answers()
    {
        await using var bot = await BotFixture.StartAsync();
        var flow = bot.Conversation();
        for (var i = 0; i < 3; i++)
        {
            flow = flow.Send(Foreign).AssertReplyContains("后 4 位").Send("1234").AssertReplyContains("没有找到");
        }

        await flow.Send(Foreign).AssertReplyContains("出于安全考虑").StartTestAsync();
    }

    [Fact]
    public async Task The_phone_prompt_explains_what_it_needs()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation(language: BotLanguage.English)
            .Send(Foreign).AssertReplyContains("last 4 digits")
            .Send("my phone").AssertReplyContains("exactly 4 digits")
            .StartTestAsync();
    }

    [Fact]
    public async Task An_unknown_user_is_asked_for_the_number_and_then_for_the_phone_digits()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation(userId: "stranger")
            .Send("查订单").AssertReplyContains("请输入你的订单号")
            .Send("不知道").AssertReplyContains("不像订单号")
            .Send(Stuck).AssertReplyContains("后 4 位")
            .Send("8000").AssertReplyContains($"订单 {Stuck}")
            .StartTestAsync();
    }

    [Fact]
    public async Task Picking_an_order_by_its_position_in_the_list_works()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation()
            .Send("查订单").AssertReplyContains("是哪个订单")
            .Send("第1个").AssertReplyContains("订单 26112400000000")
            .StartTestAsync();
    }

    [Fact]
    public async Task When_the_order_system_is_down_the_customer_is_told_so()
    {
        await using var bot = await BotFixture.StartAsync();
        bot.Sandbox.State.AddFault(new HelpBot.Platform.Sandbox.Admin.AddFaultRequest(null, null, 503));
        await bot.Conversation(language: BotLanguage.English)
            .Send("Check my order").AssertReplyContains("can't reach the order system")
            .StartTestAsync();
    }
}
