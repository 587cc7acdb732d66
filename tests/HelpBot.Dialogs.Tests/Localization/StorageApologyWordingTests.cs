using HelpBot.Dialogs.Localization;
using HelpBot.Dialogs.Resources;

namespace HelpBot.Dialogs.Tests.Localization;

/// <summary>
/// The apology for a turn that failed on storage (Redis down or slow) is sent without knowing what Redis still holds:
/// a Redis restarted without persistence has lost every conversation. It may ask the customer to try again, and must
/// not promise that nothing was lost.
/// </summary>
public sealed class StorageApologyWordingTests
{
    [Theory]
    [InlineData("en-US", new[] { "nothing was lost", "still there", "everything is", "nothing is lost" }, "again")]
    [InlineData("zh-CN", new[] { "都还在", "没有丢失", "不会丢失", "都在" }, "再")]
    public void The_storage_apology_asks_to_send_again_and_promises_nothing_it_cannot_know(string culture, string[] promises, string again)
    {
        var apology = BotText.Get(BotLanguage.Culture(culture), nameof(Strings.Error_ApologyTryAgain));

        foreach (var promise in promises)
        {
            Assert.DoesNotContain(promise, apology, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains(again, apology, StringComparison.Ordinal);
    }
}
