using HelpBot.Language.Intents;
using HelpBot.Language.Model;
using HelpBot.Language.Tests.Support;
using HelpBot.Language.Text;
using Microsoft.Extensions.DependencyInjection;

namespace HelpBot.Language.Tests;

public class RecognizerBehaviourTests
{
    private static RecognitionResult Recognize(string text, string? locale = null) => SharedRecognizer.Instance.Recognize(text, locale);

    [Theory]
    [InlineData("转人工")]
    [InlineData("agent pls")]
    [InlineData("付款失败了，帮我转人工")]
    [InlineData("let me talk to a human about my refund")]
    public void Explicit_requests_for_a_human_win(string text)
    {
        var result = Recognize(text);

        Assert.Equal(IntentLabels.HumanAgent, result.Intent);
        Assert.True(result.Score >= 0.95);
    }

    [Theory]
    [InlineData("the delivery agent is not moving")]
    [InlineData("不用转人工，我就想知道外卖到哪了")]
    [InlineData("wait am i chatting with a real person or a robot")]
    [InlineData("对面是真人还是机器人啊")]
    public void Rider_mentions_and_declined_humans_are_not_human_agent(string text) =>
        Assert.NotEqual(IntentLabels.HumanAgent, Recognize(text).Intent);

    // Off-topic statements that once read as order_status (0.65-0.77); none of these lines is in train.tsv.
    [Theory]
    [InlineData("外面在下大雨呢")]
    [InlineData("我现在在公司楼下")]
    [InlineData("今天太阳好大")]
    [InlineData("世界杯决赛几点")]
    [InlineData("it's raining here")]
    [InlineData("i'm downstairs now")]
    [InlineData("what a sunny day")]
    [InlineData("how do i cook rice")]
    public void Off_topic_chat_is_none(string text)
    {
        Assert.DoesNotContain(DataFiles.TrainingIntents(), u => u.Text == text);
        Assert.Equal(IntentLabels.None, Recognize(text).Intent);
    }

    [Theory]
    [InlineData("hello!")]
    [InlineData("Hey there")]
    [InlineData("您好～")]
    [InlineData("在吗？")]
    public void A_message_that_is_only_a_greeting_is_a_greeting(string text) =>
        Assert.Equal(IntentLabels.Greeting, Recognize(text).Intent);

    [Theory]
    [InlineData("hello, my order is late")]
    [InlineData("你好，我的订单还没到")]
    public void A_greeting_followed_by_a_problem_is_the_problem(string text) =>
        Assert.NotEqual(IntentLabels.Greeting, Recognize(text).Intent);

    [Theory]
    [InlineData("订单卡住了 2611240000000002")]
    [InlineData("卡在商家准备中了 2611240000000002")]
    public void Stuck_is_not_a_card_so_the_order_number_is_found(string text)
    {
        var result = Recognize(text);
        Assert.Contains(result.Entities, e => e.Type == EntityTypes.OrderNumber && e.Value == "2611240000000002");
    }

    [Fact]
    public void Negated_issue_is_ignored_in_favour_of_the_named_one()
    {
        Assert.Equal("骑手一直不到", NegationFocus.Extract("不是支付的问题，是骑手一直不到"));
        Assert.Equal(IntentLabels.DeliveryDelay, Recognize("不是支付的问题，是骑手一直不到").Intent);
        Assert.Null(NegationFocus.Extract("付款不成功"));
    }

    [Fact]
    public void Top_intents_are_ranked_probabilities_over_all_labels()
    {
        var result = Recognize("外卖咋还没到");

        Assert.Equal(IntentLabels.All.Order(), result.TopIntents.Select(s => s.Intent).Order());
        Assert.Equal(result.Intent, result.TopIntents[0].Intent);
        Assert.Equal(result.Score, result.TopIntents[0].Score);
        Assert.Equal(1.0, result.TopIntents.Sum(s => s.Score), 3);
        Assert.True(result.TopIntents.Zip(result.TopIntents.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Theory]
    [InlineData("外卖咋还没到", null, SupportedLocales.Chinese)]
    [InlineData("agent pls", SupportedLocales.Chinese, SupportedLocales.English)]
    [InlineData("显示 delivered 但是没收到", null, SupportedLocales.Chinese)]
    [InlineData("?", SupportedLocales.English, SupportedLocales.English)]
    [InlineData("2611 2400 0000 0002", null, SupportedLocales.Chinese)]
    public void Language_comes_from_the_text_and_falls_back_to_the_hint(string text, string? hint, string expected) =>
        Assert.Equal(expected, Recognize(text, hint).DetectedLanguage);

    [Fact]
    public void Training_is_deterministic()
    {
        var training = IntentDataset.LoadEmbeddedTraining();
        var other = new HelpBotRecognizer(training, new FixedTimeProvider(SharedRecognizer.Now));

        foreach (var text in new[] { "外卖咋还没到", "charged but unpaid", "太快了吧，两个小时了还没到👍", "?" })
        {
            Assert.Equal(SharedRecognizer.Instance.Recognize(text, null).TopIntents, other.Recognize(text, null).TopIntents);
        }
    }

    [Fact]
    public void Recognize_is_safe_to_call_concurrently()
    {
        var texts = new[] { "外卖咋还没到", "agent pls", "payment failed", "退款", "hi", "付了钱显示未支付 35元" };
        var expected = texts.Select(t => Recognize(t)).ToArray();

        var results = new RecognitionResult[texts.Length * 50];
        Parallel.For(0, results.Length, i => results[i] = Recognize(texts[i % texts.Length]));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % texts.Length].Intent, results[i].Intent);
            Assert.Equal(expected[i % texts.Length].Entities, results[i].Entities);
        }
    }

    [Fact]
    public void AddHelpBotLanguage_registers_one_shared_recognizer()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FixedTimeProvider(SharedRecognizer.Now));
        services.AddHelpBotLanguage();
        using var provider = services.BuildServiceProvider();

        var first = provider.GetRequiredService<IHelpBotRecognizer>();
        Assert.Same(first, provider.GetRequiredService<IHelpBotRecognizer>());
        Assert.Equal(IntentLabels.PaymentFailed, first.Recognize("付了钱显示未支付", null).Intent);
    }
}
