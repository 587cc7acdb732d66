using System.Globalization;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Turns;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace HelpBot.EndToEnd.Tests;

/// <summary>
/// The platform answers a customer's order question in a broken way (slowly, hugely, elsewhere, refused, empty or
/// incomplete): the customer gets the "order system unavailable" apology in the same turn, and the conversation's
/// state is kept, never the "something went wrong, I reset our conversation" of a failed turn.
/// </summary>
public sealed class MisbehavingPlatformTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    [Theory]
    [InlineData(PlatformMisbehaviour.DripAfterHeaders)]
    [InlineData(PlatformMisbehaviour.HugeBody)]
    [InlineData(PlatformMisbehaviour.Redirect)]
    [InlineData(PlatformMisbehaviour.Unauthorized)]
    [InlineData(PlatformMisbehaviour.HtmlBadRequest)]
    [InlineData(PlatformMisbehaviour.EmptyOk)]
    [InlineData(PlatformMisbehaviour.NullOk)]
    [InlineData(PlatformMisbehaviour.MissingFieldsOk)]
    public async Task A_broken_platform_answer_gets_the_unavailable_apology_and_keeps_the_conversation(PlatformMisbehaviour misbehaviour)
    {
        await using var platform = await MisbehavingPlatform.StartAsync(misbehaviour);
        await using var server = await HelpBotServer.StartAsync(new Dictionary<string, string?>
        {
            ["Platform:BaseUrl"] = platform.BaseAddress.ToString(),
            ["Platform:AttemptTimeout"] = "00:00:01",
            ["Platform:TotalTimeout"] = "00:00:02",
            ["Platform:RetryCount"] = "0",
        });
        // A bounded wait for the answer: without limits of its own the bot would wait for the drip for minutes.
        server.Http.Timeout = TimeSpan.FromSeconds(30);
        var conversation = "broken-" + misbehaviour;

        await server.SayAsync(conversation, "你好");
        var replies = HelpBotServer.TextOf(await server.SayAsync(conversation, "订单 2611240000000006 到哪了"));

        Assert.Contains(Strings.ResourceManager.GetString(nameof(Strings.Platform_Unavailable), Chinese)!, replies, StringComparison.Ordinal);
        Assert.DoesNotContain(Strings.ResourceManager.GetString(nameof(Strings.Error_Apology), Chinese)!, replies, StringComparison.Ordinal);
        var key = $"webchat/conversations/{conversation}";
        var stored = await server.Services.GetRequiredService<IStorage>().ReadAsync([key], CancellationToken.None);
        Assert.True(stored.ContainsKey(key), "The conversation's state was deleted.");
        switch (misbehaviour)
        {
            case PlatformMisbehaviour.HugeBody:
                // The client hung up near its limit (plus what the sockets buffer), not after reading all of it.
                Assert.True(
                    platform.HugeBodyAbortedByClient || platform.HugeBytesWritten <= 64L * 1024 * 1024,
                    $"The client read {platform.HugeBytesWritten} bytes of the huge body to its end.");
                break;
            case PlatformMisbehaviour.Redirect:
                Assert.Equal(0, platform.RedirectTargetHits);
                break;
        }
    }
}
