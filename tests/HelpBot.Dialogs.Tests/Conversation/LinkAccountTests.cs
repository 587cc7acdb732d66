using System.Net.Http.Json;
using HelpBot.Dialogs.Localization;
using HelpBot.Platform;
using HelpBot.Platform.Sandbox.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace HelpBot.Dialogs.Tests.Conversation;

/// <summary>
/// Teams ("msteams") users are not vouched for by their channel: they are linked to a platform user by an SMS code,
/// against the real sandbox over HTTP, with the code read from the sandbox's SMS outbox.
/// </summary>
public class LinkAccountTests
{
    private const string Teams = "msteams";
    private const string DemoMasked = "138****8000";
    private const string UnknownPhone = "13700137000";

    /// <summary>A Teams conversation; reuse the adapter to go on with the same conversation in a later flow.</summary>
    private static TestAdapter TeamsConversation(string fromId, string language = BotLanguage.Chinese)
    {
        var reference = TestAdapter.CreateConversation(Guid.NewGuid().ToString("N"), fromId, "helpbot");
        reference.ChannelId = Teams;
        return new TestAdapter(reference) { Locale = language };
    }

    private static TestFlow Flow(BotFixture bot, TestAdapter adapter) => new(adapter, bot.Bot.OnTurnAsync);

    private static string NewTeamsUser() => "29:" + Guid.NewGuid().ToString("N");

    /// <summary>The newest code texted to the phone, read over HTTP as the demo does.</summary>
    private static async Task<string> TextedCodeAsync(BotFixture bot, string phone)
    {
        using var http = new HttpClient { BaseAddress = bot.Sandbox.BaseAddress };
        var texts = await http.GetFromJsonAsync<List<SandboxSms>>($"/sandbox/sms?phone={phone}", PlatformJson.Options);
        return texts!.Last().Code;
    }

    private static async Task LinkAsync(BotFixture bot, TestAdapter adapter)
    {
        await Flow(bot, adapter)
            .Send("关联账号").AssertReplyContains("手机号")
            .Send(SandboxSeed.DemoUserPhone).AssertReplyContains(DemoMasked, "6 位验证码")
            .StartTestAsync();
        var code = await TextedCodeAsync(bot, SandboxSeed.DemoUserPhone);
        await Flow(bot, adapter).Send(code).AssertReplyContains("已关联账号", DemoMasked).StartTestAsync();
    }

    [Fact]
    public async Task Before_linking_an_order_needs_a_number_and_after_linking_the_customers_orders_are_listed()
    {
        await using var bot = await BotFixture.StartAsync();
        var user = NewTeamsUser();
        var adapter = TeamsConversation(user);

        await Flow(bot, adapter)
            .Send("查订单")
            .AssertReplyWithButtons(["请输入你的订单号"], "关联账号")
            .Send("关联账号")
            .AssertReplyContains("请输入你在平台注册的手机号")
            .Send("138 0013 8000")
            .AssertReplyContains(DemoMasked, "6 位验证码")
            .StartTestAsync();

        var code = await TextedCodeAsync(bot, SandboxSeed.DemoUserPhone);
        await Flow(bot, adapter)
            .Send(code)
            .AssertReplyContains("已关联账号", DemoMasked)
            .Send("查订单")
            .AssertReplyContains("是哪个订单", "2611240000000001", "2611240000000007")
            .StartTestAsync();

        // The link belongs to the Teams user, not the conversation; another Teams user is still unknown.
        await Flow(bot, TeamsConversation(user)).Send("查订单").AssertReplyContains("是哪个订单", "2611240000000002").StartTestAsync();
        await Flow(bot, TeamsConversation(NewTeamsUser())).Send("查订单").AssertReplyContains("请输入你的订单号").StartTestAsync();
    }

    [Fact]
    public async Task A_linked_customer_still_cannot_see_someone_elses_order_without_the_phone_check()
    {
        await using var bot = await BotFixture.StartAsync();
        var adapter = TeamsConversation(NewTeamsUser());
        await LinkAsync(bot, adapter);

        await Flow(bot, adapter)
            .Send("查订单").AssertReplyContains("是哪个订单")
            .Send(SandboxSeed.OtherUserOrder).AssertReplyContains("后 4 位")
            .StartTestAsync();
    }

    [Fact]
    public async Task Three_wrong_codes_end_the_link_with_a_clear_message_and_nothing_is_linked()
    {
        await using var bot = await BotFixture.StartAsync();
        var adapter = TeamsConversation(NewTeamsUser());
        await Flow(bot, adapter)
            .Send("关联账号").AssertReplyContains("手机号")
            .Send(SandboxSeed.DemoUserPhone).AssertReplyContains(DemoMasked)
            .StartTestAsync();
        var code = await TextedCodeAsync(bot, SandboxSeed.DemoUserPhone);
        var wrong = code == "000000" ? "111111" : "000000";

        await Flow(bot, adapter)
            .Send("12345").AssertReplyContains("验证码是 6 位数字")
            .Send(wrong).AssertReplyContains("验证码不正确", "再试 2 次")
            .Send(wrong).AssertReplyContains("验证码不正确", "再试 1 次")
            .Send(wrong).AssertReplyContains("验证码错误次数太多", "没有关联成功", "关联账号")
            .Send(code).AssertReplyLacks("已关联账号")
            .Send("查订单").AssertReplyContains("请输入你的订单号")
            .StartTestAsync();
    }

    [Fact]
    public async Task An_unknown_phone_gets_the_same_answers_as_a_registered_one_until_the_code_fails()
    {
        await using var bot = await BotFixture.StartAsync();
        string? knownAnswer = null;
        string? unknownAnswer = null;

        await Flow(bot, TeamsConversation(NewTeamsUser()))
            .Send("关联账号").AssertReplyContains("手机号")
            .Send(SandboxSeed.DemoUserPhone).AssertReply(reply => knownAnswer = ((IMessageActivity)reply).Text)
            .StartTestAsync();
        await Flow(bot, TeamsConversation(NewTeamsUser()))
            .Send("关联账号").AssertReplyContains("手机号")
            .Send(UnknownPhone).AssertReply(reply => unknownAnswer = ((IMessageActivity)reply).Text)
            .Send("123456").AssertReplyContains("验证码不正确", "再试 2 次")
            .StartTestAsync();

        Assert.Equal(knownAnswer!.Replace(DemoMasked, "…", StringComparison.Ordinal), unknownAnswer!.Replace("137****7000", "…", StringComparison.Ordinal));
        Assert.Empty(bot.Sandbox.State.Accounts.Outbox(UnknownPhone));
    }

    [Fact]
    public async Task Unlink_removes_the_link_and_orders_need_a_number_again()
    {
        await using var bot = await BotFixture.StartAsync();
        var adapter = TeamsConversation(NewTeamsUser());
        await LinkAsync(bot, adapter);

        await Flow(bot, adapter)
            .Send("关联账号").AssertReplyContains("已经关联了账号", DemoMasked)
            .Send("取消关联").AssertReplyContains("已取消关联")
            .Send("查订单").AssertReplyWithButtons(["请输入你的订单号"], "关联账号")
            .Send("取消关联").AssertReplyContains("没有关联的账号")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_malformed_phone_is_asked_again_and_english_works_the_same_way()
    {
        await using var bot = await BotFixture.StartAsync();
        var adapter = TeamsConversation(NewTeamsUser(), BotLanguage.English);

        await Flow(bot, adapter)
            .Send("Link my account").AssertReplyContains("mobile number")
            .Send("12345").AssertReplyContains("doesn't look like an 11-digit mobile number")
            .Send("+86 13800138000").AssertReplyContains(DemoMasked, "6-digit code")
            .StartTestAsync();
        var code = await TextedCodeAsync(bot, SandboxSeed.DemoUserPhone);
        await Flow(bot, adapter)
            .Send(code).AssertReplyContains("is now linked", DemoMasked)
            .Send("unlink").AssertReplyContains("unlinked")
            .StartTestAsync();
    }

    [Fact]
    public async Task On_a_channel_that_vouches_for_its_users_there_is_nothing_to_link()
    {
        await using var bot = await BotFixture.StartAsync();

        await bot.Conversation()
            .Send("关联账号").AssertReplyContains("不需要关联账号")
            .Send("查订单").AssertReplyContains("是哪个订单")
            .StartTestAsync();
        Assert.Empty(bot.Sandbox.State.Accounts.Outbox());
    }
}
