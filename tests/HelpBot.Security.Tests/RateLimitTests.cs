using HelpBot.Dialogs.Localization;
using HelpBot.Dialogs.Resources;

namespace HelpBot.Security.Tests;

/// <summary>
/// Token buckets per user and per conversation. Buckets refill once an hour here, so nothing depends on timing: the
/// counts alone decide.
/// </summary>
public sealed class RateLimitTests
{
    private static Dictionary<string, string?> Limits(bool enabled = true) => new()
    {
        ["HelpBot:RateLimit:Enabled"] = enabled ? "true" : "false",
        ["HelpBot:RateLimit:PerConversation:TokenLimit"] = "3",
        ["HelpBot:RateLimit:PerConversation:TokensPerPeriod"] = "1",
        ["HelpBot:RateLimit:PerConversation:ReplenishmentPeriod"] = "01:00:00",
        ["HelpBot:RateLimit:PerUser:TokenLimit"] = "5",
        ["HelpBot:RateLimit:PerUser:TokensPerPeriod"] = "1",
        ["HelpBot:RateLimit:PerUser:ReplenishmentPeriod"] = "01:00:00",
    };

    [Fact]
    public async Task A_conversation_over_its_limit_gets_a_friendly_message_in_its_language_and_the_turn_is_skipped()
    {
        await using var host = await BotHost.StartAsync(Limits());
        var conversation = Guid.NewGuid().ToString("N");
        for (var i = 0; i < 3; i++)
        {
            var replies = await host.SayAsync(conversation, "帮助", locale: BotLanguage.Chinese, userId: "user-a");
            Assert.DoesNotContain(BotHost.Text(nameof(Strings.RateLimit_SlowDown), BotLanguage.Chinese), replies);
        }

        var limited = await host.SayAsync(conversation, "帮助", locale: BotLanguage.Chinese, userId: "user-a");

        Assert.Equal([BotHost.Text(nameof(Strings.RateLimit_SlowDown), BotLanguage.Chinese)], limited);
    }

    [Fact]
    public async Task A_user_over_their_limit_is_limited_in_a_new_conversation_too_while_others_are_not()
    {
        await using var host = await BotHost.StartAsync(Limits());
        var slowDown = BotHost.Text(nameof(Strings.RateLimit_SlowDown));
        var first = Guid.NewGuid().ToString("N");
        var second = Guid.NewGuid().ToString("N");
        for (var i = 0; i < 3; i++)
        {
            Assert.DoesNotContain(slowDown, await host.SayAsync(first, "help", userId: "user-b"));
        }

        for (var i = 0; i < 2; i++)
        {
            Assert.DoesNotContain(slowDown, await host.SayAsync(second, "help", userId: "user-b"));
        }

        Assert.Equal([slowDown], await host.SayAsync(second, "help", userId: "user-b"));
        Assert.DoesNotContain(slowDown, await host.SayAsync(Guid.NewGuid().ToString("N"), "help", userId: "user-c"));
    }

    [Fact]
    public async Task Disabled_rate_limit_lets_every_turn_through()
    {
        await using var host = await BotHost.StartAsync(Limits(enabled: false));
        var conversation = Guid.NewGuid().ToString("N");
        for (var i = 0; i < 8; i++)
        {
            Assert.DoesNotContain(BotHost.Text(nameof(Strings.RateLimit_SlowDown)), await host.SayAsync(conversation, "help", userId: "user-d"));
        }
    }
}
