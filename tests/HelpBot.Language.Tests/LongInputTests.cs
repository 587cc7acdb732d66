using HelpBot.Language.Entities;
using HelpBot.Language.Model;
using HelpBot.Language.Tests.Support;

namespace HelpBot.Language.Tests;

/// <summary>
/// Long and hostile messages: what the Recognizers.Text models read is bounded (their cost grows faster than their
/// input), while the platform's own formats are still found anywhere in the message. Costs are measured in the
/// benchmark, not here.
/// </summary>
public sealed class LongInputTests
{
    [Theory]
    [InlineData(2000, '7')]
    [InlineData(2000, '３')]
    public void A_long_digit_run_gives_the_models_nothing_to_read(int length, char digit)
    {
        var text = new string(digit, length);

        var windows = EntityExtractor.ModelWindows(Text.TextFolding.FoldWidth(text));
        var entities = SharedRecognizer.Instance.Recognize(text, "zh-CN").Entities;

        Assert.Empty(windows);
        Assert.Empty(entities);
    }

    [Fact]
    public void The_models_read_bounded_windows_that_keep_their_place_in_the_text()
    {
        var text = string.Concat(Enumerable.Repeat("等了40分钟 8点送 12 12 12, ", 120));

        var windows = EntityExtractor.ModelWindows(text);

        Assert.All(windows, w => Assert.InRange(w.Text.Length, 1, EntityExtractor.MaxWindow));
        Assert.All(windows, w => Assert.Equal(text.Substring(w.Offset, w.Text.Length), w.Text));
        Assert.InRange(windows.Sum(w => w.Text.Length), 1, EntityExtractor.MaxModelCharacters + EntityExtractor.MaxWindow);
    }

    [Fact]
    public void An_order_number_at_the_end_of_a_long_complaint_is_still_found_and_early_times_too()
    {
        var complaint = "晚上7点下的单，等了40分钟 " + string.Concat(Enumerable.Repeat("真的太慢了，骑手一直不动，客服也不回。", 80)) + " 订单号 2611240000000006";

        var entities = SharedRecognizer.Instance.Recognize(complaint, "zh-CN").Entities;

        Assert.Contains(entities, e => e.Type == EntityTypes.OrderNumber && e.Value == "2611240000000006");
        Assert.Contains(entities, e => e.Type == EntityTypes.Duration && e.Value == "40min");
    }

    [Theory]
    [InlineData("三十五块三十五块三十五块三十五块三十五块三十五块三十五块三十五块")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十个小时")]
    [InlineData("12 12 12 12 12 12 12 12 12 12 12 12 12 12 12 12 12 12 12 12 12 12 12 12 12 12 12 12 12 12 12 12 12 12 12")]
    public void Repetitive_numerals_give_sensible_entities_or_none_and_never_throw(string text)
    {
        var result = SharedRecognizer.Instance.Recognize(text, null);

        Assert.All(result.Entities, e => Assert.Equal(text.Substring(e.Start, e.Length), e.Text));
    }

    [Theory]
    [InlineData('慢')]
    [InlineData('7')]
    [InlineData(' ')]
    public void Only_the_first_characters_of_a_huge_message_are_analysed(char filler)
    {
        var text = "订单号 2611240000000006 " + new string(filler, 100_000) + " 订单号 2611240000000007 等了40分钟";

        var entities = SharedRecognizer.Instance.Recognize(text, "zh-CN").Entities;

        Assert.Contains(entities, e => e.Type == EntityTypes.OrderNumber && e.Value == "2611240000000006");
        Assert.DoesNotContain(entities, e => e.Value == "2611240000000007");
        Assert.All(entities, e => Assert.InRange(e.Start + e.Length, 1, HelpBotRecognizer.MaxAnalysedLength));
    }
}
