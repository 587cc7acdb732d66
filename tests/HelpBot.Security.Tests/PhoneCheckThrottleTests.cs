using HelpBot.Dialogs.Resources;
using HelpBot.Testing.Redis;

namespace HelpBot.Security.Tests;

/// <summary>
/// The phone-digit check is limited per user across conversations, with the counter in Redis: two bot instances on
/// one redis-server share it.
/// </summary>
public sealed class PhoneCheckThrottleTests : IClassFixture<RedisServerFixture>
{
    private const string OthersOrder = "2611240000000008";
    private readonly RedisServerFixture _redis;

    public PhoneCheckThrottleTests(RedisServerFixture redis) => _redis = redis;

    [Fact]
    public async Task Wrong_answers_in_several_conversations_and_instances_add_up_per_user()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = _redis.ConnectionString,
            ["Redis:KeyPrefix"] = $"throttle-{Guid.NewGuid():N}:",
            ["HelpBot:PhoneCheck:MaxFailuresPerUser"] = "2",
        };
        await using var first = await BotHost.StartAsync(settings);
        await using var second = await BotHost.StartAsync(settings);

        await FailPhoneCheckAsync(first, "guesser");
        await FailPhoneCheckAsync(second, "guesser");

        var conversation = Guid.NewGuid().ToString("N");
        await first.SayAsync(conversation, "check my order", userId: "guesser");
        var refused = await first.SayAsync(conversation, OthersOrder, userId: "guesser");
        Assert.Contains(BotHost.Text(nameof(Strings.Verify_TooManyAttemptsUser)), refused);
        Assert.DoesNotContain(BotHost.Text(nameof(Strings.Verify_AskPhoneDigits)), refused);

        // Someone else is still asked.
        var other = Guid.NewGuid().ToString("N");
        await second.SayAsync(other, "check my order", userId: "honest");
        Assert.Contains(BotHost.Text(nameof(Strings.Verify_AskPhoneDigits)), await second.SayAsync(other, OthersOrder, userId: "honest"));
    }

    private static async Task FailPhoneCheckAsync(BotHost host, string userId)
    {
        var conversation = Guid.NewGuid().ToString("N");
        await host.SayAsync(conversation, "check my order", userId: userId);
        Assert.Contains(BotHost.Text(nameof(Strings.Verify_AskPhoneDigits)), await host.SayAsync(conversation, OthersOrder, userId: userId));
        var answer = await host.SayAsync(conversation, "1234", userId: userId);
        Assert.True(
            answer.Any(r => r.StartsWith(BotHost.Fragment(nameof(Strings.Verify_NoMatch)), StringComparison.Ordinal)),
            string.Join(" | ", answer) + "\n" + string.Join("\n", host.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).Select(e => e.Text)));
    }
}
