using HelpBot.Language.Answers;

namespace HelpBot.Language.Tests.Answers;

/// <summary>A cancellation asked for, told apart from one that is only told of.</summary>
public sealed class CancellationRequestTests
{
    [Theory]
    [InlineData("pls just cancel it")]
    [InlineData("can you cancel this order for me")]
    [InlineData("I want to cancel")]
    [InlineData("这单帮我取消了吧")]
    [InlineData("直接取消")]
    [InlineData("我不要了")]
    [InlineData("给我退掉")]
    public void Asked(string text) => Assert.True(AnswerReader.AsksForCancellation(text));

    [Theory]
    [InlineData("商家取消了我的单")]
    [InlineData("订单被取消了")]
    [InlineData("取消的那单")]
    [InlineData("已经取消了")]
    [InlineData("取消不了啊")]
    [InlineData("it got cancelled")]
    [InlineData("the restaurant cancel my order??")]
    [InlineData("why did they cancel it")]
    [InlineData("cancellation fee?")]
    public void Told_of(string text) => Assert.False(AnswerReader.AsksForCancellation(text));
}
