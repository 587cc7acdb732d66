using System.Text.RegularExpressions;
using HelpBot.Language.Text;

namespace HelpBot.Language.Tests;

/// <summary>Messages that name several orders, cut into one request per order.</summary>
public sealed partial class OrderRequestsTests
{
    private static IReadOnlyList<string> Numbers(string text) => [.. Digits().Matches(text).Select(m => m.Value)];

    [Theory]
    [InlineData("2611240000000006 到现在还没来，还有 2611240000000004 怎么扣了两次钱", "2611240000000006 到现在还没来", "还有 2611240000000004 怎么扣了两次钱")]
    [InlineData("两个问题：2611240000000006一直没送到；2611240000000004扣款了但订单显示未支付", "两个问题 2611240000000006一直没送到", "2611240000000004扣款了但订单显示未支付")]
    [InlineData("2611240000000006 is late AND my payment for 2611240000000003 failed??", "2611240000000006 is late", "AND my payment for 2611240000000003 failed")]
    [InlineData("2 issues: 2611240000000003 won't let me pay + 2611240000000006 still not delivered", "2 issues 2611240000000003 won't let me pay", "2611240000000006 still not delivered")]
    public void Each_order_gets_what_is_said_about_it(string text, string first, string second)
    {
        var requests = OrderRequests.Split(text, Numbers);
        Assert.Equal(2, requests.Count);
        Assert.Equal(first, requests[0].Text);
        Assert.Equal(second, requests[1].Text);
    }

    [Theory]
    [InlineData("money left my account but it says unpaid - just cancel it", "money left my account but it says unpaid", "just cancel it")]
    [InlineData("扣款了还显示没付——直接取消吧", "扣款了还显示没付", "直接取消吧")]
    [InlineData("the rider — he's not moving at all", "the rider", "he's not moving at all")]
    public void A_dash_between_words_ends_a_clause(string text, string first, string second) =>
        Assert.Equal([first, second], OrderRequests.Clauses(text));

    [Theory]
    [InlineData("帮我取消 2611240000000001，不对不对，是2611240000000003", "2611240000000003")]
    [InlineData("取消订单2611240000000001 哦打错了 2611240000000003", "2611240000000003")]
    [InlineData("cancel 2611240000000001 oops I meant 2611240000000003", "2611240000000003")]
    public void A_number_taken_back_in_the_same_message_is_dropped(string text, string kept) =>
        Assert.Equal([kept], Numbers(OrderRequests.WithoutCorrectedNumbers(text, Numbers)));

    [Theory]
    [InlineData("2611240000000006 还没到，还有 2611240000000004 扣了两次钱")]
    [InlineData("2611240000000002 and 2611240000000007 are both stuck")]
    public void Two_orders_without_a_correction_stay(string text) =>
        Assert.Equal(2, Numbers(OrderRequests.WithoutCorrectedNumbers(text, Numbers)).Count);

    [Theory]
    [InlineData("order 2611240000000002-2611240000000007")]
    [InlineData("a well-known dish")]
    public void A_hyphen_inside_words_does_not(string text) => Assert.Single(OrderRequests.Clauses(text));

    [Theory]
    [InlineData("2611240000000002 和 2611240000000007 都卡在商家准备中")]
    [InlineData("我有两单一直准备中不动：2611240000000002、2611240000000007")]
    [InlineData("2611240000000002跟2611240000000007两个订单都卡住了")]
    public void An_order_named_with_nothing_said_shares_what_is_said_about_the_other(string text)
    {
        var requests = OrderRequests.Split(text, Numbers);
        Assert.Equal(["2611240000000002", "2611240000000007"], requests.Select(r => r.OrderNumber));
        Assert.All(requests, r => Assert.Contains(r.OrderNumber, r.Text, StringComparison.Ordinal));
        Assert.All(requests, r => Assert.True(r.Text.Length > r.OrderNumber.Length + 2, r.Text));
    }

    [Theory]
    [InlineData("2611240000000006 怎么还没到")]
    [InlineData("2611240000000006 还没到，2611240000000006 的骑手也不接电话")]
    [InlineData("我的外卖呢")]
    [InlineData("")]
    public void One_order_or_none_is_not_split(string text) => Assert.Empty(OrderRequests.Split(text, Numbers));

    [GeneratedRegex(@"\d{16,19}")]
    private static partial Regex Digits();
}
