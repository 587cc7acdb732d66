using HelpBot.Language.Answers;

namespace HelpBot.Language.Tests;

/// <summary>Answers as customers type them to a yes/no question, with reasons, typos, emoji and the social part.</summary>
public sealed class AnswerReaderTests
{
    [Theory]
    [InlineData("嗯 都能打开")]
    [InlineData("可以的呀")]
    [InlineData("别的都正常啊")]
    [InlineData("网络没毛病")]
    [InlineData("是最新版了")]
    [InlineData("绑定好了，额度也够")]
    [InlineData("👍")]
    [InlineData("yes they do")]
    [InlineData("yeah works fine")]
    [InlineData("yep, all good now")]
    [InlineData("it's up to date")]
    [InlineData("Yes!!")]
    [InlineData("ok")]
    [InlineData("解决了 谢谢")]
    public void Yes_in_many_words(string text) => Assert.Equal(Polarity.Yes, AnswerReader.Read(text).Polarity);

    [Theory]
    [InlineData("不能")]
    [InlineData("别的也打不开")]
    [InlineData("还是不行啊")]
    [InlineData("试过了还是不行")]
    [InlineData("没用")]
    [InlineData("没解决，骑手电话打不通")]
    [InlineData("好像没绑卡")]
    [InlineData("额度不够了")]
    [InlineData("还没有")]
    [InlineData("nope, still crashing")]
    [InlineData("no it doesn't")]
    [InlineData("didn't help, still declined")]
    [InlineData("not yet")]
    [InlineData("👎")]
    [InlineData("能打开 但是付款还是失败")]
    public void No_in_many_words_and_no_wins_over_yes(string text) => Assert.Equal(Polarity.No, AnswerReader.Read(text).Polarity);

    [Theory]
    [InlineData("不知道")]
    [InlineData("not sure")]
    [InlineData("我在公司楼下")]
    [InlineData("what time is it")]
    [InlineData("")]
    [InlineData("   ")]
    public void Neither_yes_nor_no(string text) => Assert.Equal(Polarity.None, AnswerReader.Read(text).Polarity);

    [Theory]
    [InlineData("算了不查了", ConversationCommand.NeverMind)]
    [InlineData("算了算了", ConversationCommand.NeverMind)]
    [InlineData("不用了谢谢", ConversationCommand.NeverMind)]
    [InlineData("还是不改了吧，就原来的地址", ConversationCommand.NeverMind)]
    [InlineData("nvm, forget it", ConversationCommand.NeverMind)]
    [InlineData("actually never mind", ConversationCommand.NeverMind)]
    [InlineData("从头开始吧", ConversationCommand.StartOver)]
    [InlineData("let's start again", ConversationCommand.StartOver)]
    [InlineData("start over pls", ConversationCommand.StartOver)]
    [InlineData("你都能帮我做什么？", ConversationCommand.Help)]
    [InlineData("how does this work", ConversationCommand.Help)]
    [InlineData("2611240000000006 到哪了", ConversationCommand.None)]
    [InlineData("cancel my order", ConversationCommand.None)]
    public void Conversation_commands_inside_a_sentence(string text, ConversationCommand expected) =>
        Assert.Equal(expected, AnswerReader.Read(text).Command);

    [Theory]
    [InlineData("谢谢拜拜", SocialAct.Goodbye, true)]
    [InlineData("ok thanks bye", SocialAct.Goodbye, false)]
    [InlineData("哈哈", SocialAct.Laugh, true)]
    [InlineData("😂😂", SocialAct.Laugh, true)]
    [InlineData("你是机器人吗", SocialAct.AskIfBot, true)]
    [InlineData("am i talking to a bot", SocialAct.AskIfBot, false)]
    [InlineData("thx!", SocialAct.Thanks, true)]
    [InlineData("没用 谢谢", SocialAct.Thanks, false)]
    public void The_social_part_and_whether_that_is_all(string text, SocialAct social, bool onlySocial)
    {
        var reading = AnswerReader.Read(text);

        Assert.Equal(social, reading.Social);
        Assert.Equal(onlySocial, reading.IsOnlySocial);
    }

    [Theory]
    [InlineData("打错了，是 2611240000000007", true)]
    [InlineData("不是这单", true)]
    [InlineData("sorry I meant the other one", true)]
    [InlineData("wrong order", true)]
    [InlineData("是这单", false)]
    [InlineData("now it works", false)]
    public void Corrections(string text, bool expected) => Assert.Equal(expected, AnswerReader.Read(text).IsCorrection);

    [Theory]
    [InlineData("重启过了没用", true, Polarity.No)]
    [InlineData("wifi和4g都试了", true, Polarity.None)]
    [InlineData("already did that", true, Polarity.None)]
    public void Tried_is_read_apart_from_whether_it_helped(string text, bool tried, Polarity polarity)
    {
        var reading = AnswerReader.Read(text);

        Assert.Equal(tried, reading.SaysTried);
        Assert.Equal(polarity, reading.Polarity);
    }

    [Fact]
    public void Whole_words_only_for_english()
    {
        Assert.Equal(Polarity.None, AnswerReader.Read("now").Polarity);
        Assert.Equal(Polarity.None, AnswerReader.Read("noodles").Polarity);
        Assert.Equal(SocialAct.None, AnswerReader.Read("2688").Social);
    }
}
