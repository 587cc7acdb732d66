using HelpBot.Language.Answers;

namespace HelpBot.Language.Tests.Answers;

/// <summary>Typed answers to "what would you like to do?" as customers write them.</summary>
public sealed class ActionReaderTests
{
    private static readonly string[] StuckOptions = ["notify_merchant", "merchant_phone", "cancel_reorder", "escalate"];
    private static readonly string[] DelayOptions = ["contact_rider", "change_delivery", "escalate"];
    private static readonly string[] PaymentOptions = ["escalate", "wait"];

    [Theory]
    [InlineData("催一下商家吧", "notify_merchant")]
    [InlineData("帮我通知下店家", "notify_merchant")]
    [InlineData("你帮我催催", "notify_merchant")]
    [InlineData("message the restaurant for me", "notify_merchant")]
    [InlineData("can u ping the restaurant", "notify_merchant")]
    [InlineData("商家电话给我 我自己打", "merchant_phone")]
    [InlineData("whats the restaurant number", "merchant_phone")]
    [InlineData("退了重下吧", "cancel_reorder")]
    [InlineData("算了退掉重新点", "cancel_reorder")]
    [InlineData("just cancel it and order again", "cancel_reorder")]
    [InlineData("转人工", "escalate")]
    [InlineData("我要投诉", "escalate")]
    [InlineData("let me talk to a real person", "escalate")]
    [InlineData("那让客服来处理吧", "escalate")]
    [InlineData("get an agent on this", "escalate")]
    public void Stuck_order_options(string text, string action) => Assert.Equal(action, ActionReader.Read(text, StuckOptions));

    [Theory]
    [InlineData("给骑手打个电话", "contact_rider")]
    [InlineData("call the driver pls", "contact_rider")]
    [InlineData("改一下送达时间", "change_delivery")]
    [InlineData("可以晚点送吗", "change_delivery")]
    [InlineData("reschedule it", "change_delivery")]
    [InlineData("外卖小哥电话多少 我打给他", "contact_rider")]
    [InlineData("能不能帮我联系下送外卖的", "contact_rider")]
    [InlineData("can i just phone the delivery guy", "contact_rider")]
    [InlineData("how do I reach my courier", "contact_rider")]
    public void Delay_options(string text, string action) => Assert.Equal(action, ActionReader.Read(text, DelayOptions));

    [Theory]
    [InlineData("那我等等吧", "wait")]
    [InlineData("我等着吧", "wait")]
    [InlineData("先等自动退款", "wait")]
    [InlineData("ok i'll wait", "wait")]
    [InlineData("找客服处理吧", "escalate")]
    public void Payment_options(string text, string action) => Assert.Equal(action, ActionReader.Read(text, PaymentOptions));

    [Theory]
    [InlineData("不用催了")]
    [InlineData("don't call the rider")]
    [InlineData("别联系骑手")]
    public void A_negated_action_is_not_taken(string text) =>
        Assert.Null(ActionReader.Read(text, StuckOptions.Concat(DelayOptions).ToArray()));

    [Theory]
    [InlineData("催一下商家 不行就转人工")]
    [InlineData("hmm")]
    [InlineData("饭呢")]
    [InlineData("")]
    public void Two_actions_or_none_are_not_guessed(string text) => Assert.Null(ActionReader.Read(text, StuckOptions));

    [Fact]
    public void Only_offered_actions_count() => Assert.Null(ActionReader.Read("给骑手打电话", StuckOptions));
}

public sealed class ActionReaderSofteningTests
{
    [Theory]
    [InlineData("帮我联系一下骑手吧", "contact_rider")]
    [InlineData("你帮我问下骑手到哪了", "contact_rider")]
    [InlineData("提醒下商家快点做", "notify_merchant")]
    public void The_softening_yixia_between_verb_and_object_does_not_matter(string text, string action) =>
        Assert.Equal(action, ActionReader.Read(text, ["contact_rider", "notify_merchant", "escalate"]));
}

public sealed class FoodProblemTests
{
    [Theory]
    [InlineData("送来的麻辣烫少了一份丸子")]
    [InlineData("饭是夹生的 没熟")]
    [InlineData("汤洒了一袋子")]
    [InlineData("wrong dish again, this isn't what i ordered")]
    [InlineData("the chicken is undercooked")]
    public void Food_problems(string text) => Assert.True(AnswerReader.MentionsFoodProblem(text));

    [Theory]
    [InlineData("发生的事情我也不知道")]
    [InlineData("my order is missing")]
    [InlineData("外卖到哪了")]
    [InlineData("payment failed")]
    public void Not_food_problems(string text) => Assert.False(AnswerReader.MentionsFoodProblem(text));

    private static readonly string[] AddressOrTime = ["address", "time"];

    [Theory]
    [InlineData("这单能不能晚半小时送", "time")]
    [InlineData("往后推一推吧", "time")]
    [InlineData("can you push it back a bit", "time")]
    [InlineData("送货地址填错了", "address")]
    [InlineData("deliver somewhere else please", "address")]
    public void Which_of_address_or_time_a_change_request_says(string text, string what) => Assert.Equal(what, ActionReader.Read(text, AddressOrTime));
}
