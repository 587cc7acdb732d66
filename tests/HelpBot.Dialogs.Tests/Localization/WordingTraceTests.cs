using HelpBot.Dialogs.Localization;
using HelpBot.Dialogs.Resources;

namespace HelpBot.Dialogs.Tests.Localization;

public sealed class WordingTraceTests
{
    [Fact]
    public async Task Wording_read_for_replies_is_recorded_with_its_culture_across_awaits_and_vocabulary_is_not()
    {
        using var trace = WordingTrace.Start();

        BotText.Get(BotLanguage.ChineseCulture, nameof(Strings.Welcome));
        await Task.Yield();
        await Task.Run(() => BotText.Format(BotLanguage.EnglishCulture, nameof(Strings.Cancel_Confirm), "2611240000000002", "x", "y"));
        BotText.Phrase(BotLanguage.ChineseCulture, nameof(Strings.Button_Yes));

        Assert.Equal(
            [new WordingUse(nameof(Strings.Welcome), "zh-CN"), new WordingUse(nameof(Strings.Cancel_Confirm), "en-US")],
            trace.Uses);
    }

    [Fact]
    public void Nothing_is_recorded_without_a_trace_or_after_it_ends()
    {
        var trace = WordingTrace.Start();
        trace.Dispose();

        BotText.Get(BotLanguage.ChineseCulture, nameof(Strings.Welcome));

        Assert.Empty(trace.Uses);
    }
}
