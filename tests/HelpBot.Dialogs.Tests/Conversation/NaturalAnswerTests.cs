using HelpBot.Platform.Sandbox.Admin;
using Microsoft.Extensions.DependencyInjection;
using HelpBot.Dialogs.Localization;

namespace HelpBot.Dialogs.Tests.Conversation;

/// <summary>
/// The answer policy at a waiting question, as a customer types: an answer first, a stop or start-over said in a
/// sentence, social words, one hint for an unreadable answer, a correction, a double tap.
/// </summary>
public sealed class NaturalAnswerTests
{
    [Theory]
    [InlineData("嗯 都能打开的")]
    [InlineData("别的app都正常啊")]
    [InlineData("能 👌")]
    public async Task A_yes_in_a_sentence_answers_the_self_check(string answer)
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation()
            .Send("app一直闪退").AssertReplyContains("平台目前运行正常").AssertReplyContains("其他 APP")
            .Send(answer).AssertReplyLacks("没看懂", "网络的问题")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("不行啊 别的也打不开")]
    [InlineData("nope all dead")]
    public async Task A_no_in_a_sentence_gets_the_advice(string answer)
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation()
            .Send("app一直闪退").AssertReplyContains("平台目前运行正常").AssertReplyContains("其他 APP")
            .Send(answer).AssertReplyContains("网络的问题")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("算了不弄了")]
    [InlineData("不用了谢谢 我待会再试")]
    public async Task A_stop_said_in_a_sentence_stops_the_flow(string stop)
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation()
            .Send("app一直闪退").AssertReplyContains("平台目前运行正常").AssertReplyContains("其他 APP")
            .Send(stop).AssertReplyContains("这一步先不做了")
            .StartTestAsync();
    }

    [Fact]
    public async Task An_unreadable_answer_gets_one_hint_then_counts_as_a_new_request()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation()
            .Send("app一直闪退").AssertReplyContains("平台目前运行正常").AssertReplyContains("其他 APP")
            .Send("什么意思").AssertReplyContains("没看懂这个回答").AssertReplyContains("其他 APP")
            .Send("hmm let me think").AssertReplyLacks("没看懂这个回答")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("你是机器人吗")]
    [InlineData("对面是真人还是机器人？")]
    public async Task Asked_whether_it_is_a_bot_it_says_so_and_keeps_the_question(string question)
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation()
            .Send("app一直闪退").AssertReplyContains("平台目前运行正常").AssertReplyContains("其他 APP")
            .Send(question).AssertReplyContains("智能助手").AssertReplyContains("其他 APP")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_goodbye_at_the_address_question_changes_nothing()
    {
        await using var bot = await BotFixture.StartAsync();
        // The restaurant has the order, so a change is what helps (an order it never got is a stuck order first).
        bot.Sandbox.State.OverrideOrder("2611240000000002", new OrderOverride(MerchantReceived: true, MerchantStatus: "preparing"));
        await bot.Conversation(language: BotLanguage.English)
            .Send("i need to update 2611240000000002").AssertReplyContains("What would you like to change?")
            .Send("Delivery address").AssertReplyContains("new delivery address")
            .Send("ok thanks bye").AssertReplyContains("You're welcome")
            .StartTestAsync();

        Assert.DoesNotContain("thanks", bot.Sandbox.State.GetOrder("2611240000000002").Delivery.Address, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_request_that_names_the_address_goes_straight_to_the_new_address()
    {
        await using var bot = await BotFixture.StartAsync();
        // The restaurant has the order, so a change is what helps (an order it never got is a stuck order first).
        bot.Sandbox.State.OverrideOrder("2611240000000002", new OrderOverride(MerchantReceived: true, MerchantStatus: "preparing"));
        await bot.Conversation(language: BotLanguage.English)
            .Send("the address on 2611240000000002 is wrong, can you fix it").AssertReplyContains("new delivery address")
            .StartTestAsync();
    }

    [Fact]
    public async Task The_same_request_sent_twice_at_once_is_answered_once()
    {
        await using var bot = await BotFixture.StartAsync();
        await bot.Conversation()
            .Send("人工客服").AssertReplyContains("截图")
            .Send("人工客服")
            .Send("没有截图").AssertReplyContains("工单号")
            .StartTestAsync();
    }
}

/// <summary>One understanding pass per turn: every text of a turn goes to the recognizer once, however many ask.</summary>
public sealed class TurnUnderstandingTests
{
    private sealed class CountingRecognizer(HelpBot.Language.IHelpBotRecognizer inner) : HelpBot.Language.IHelpBotRecognizer
    {
        public System.Collections.Concurrent.ConcurrentDictionary<string, int> Calls { get; } = new(StringComparer.Ordinal);

        public HelpBot.Language.Model.RecognitionResult Recognize(string text, string? locale)
        {
            Calls.AddOrUpdate(text, 1, (_, n) => n + 1);
            return inner.Recognize(text, locale);
        }
    }

    [Fact]
    public async Task A_message_read_by_several_interruptions_and_the_root_is_recognised_once()
    {
        var counting = new CountingRecognizer(BotFixture.SharedRecognizer.Value);
        await using var bot = await BotFixture.StartAsync(services => services.AddSingleton<HelpBot.Language.IHelpBotRecognizer>(counting));
        await bot.Conversation()
            .Send("app一直闪退").AssertReplyContains("平台目前运行正常").AssertReplyContains("其他 APP")
            // Not an answer to the question: the person check, the hint check and the root dialog all read it.
            .Send("算了 我要找人工客服").AssertReplyContains("截图")
            .StartTestAsync();

        Assert.Equal(1, counting.Calls["算了 我要找人工客服"]);
    }
}
