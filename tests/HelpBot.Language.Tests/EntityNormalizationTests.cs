using HelpBot.Language.Model;
using HelpBot.Language.Tests.Support;

namespace HelpBot.Language.Tests;

public class EntityNormalizationTests
{
    private static IReadOnlyList<RecognizedEntity> Entities(string text) => SharedRecognizer.Instance.Recognize(text, null).Entities;

    private static string? ValueOf(string text, string type) => Entities(text).SingleOrDefault(e => e.Type == type)?.Value;

    [Theory]
    [InlineData("订单号 2611 2400 0000 0002", "2611240000000002")]
    [InlineData("order 2611-2400-0000-0002 pls", "2611240000000002")]
    [InlineData("单号２６１１２４０００００００００２", "2611240000000002")]
    [InlineData("订单2611240000000002123", "2611240000000002123")]
    public void Order_numbers_are_digits_only(string text, string expected) =>
        Assert.Equal(expected, ValueOf(text, EntityTypes.OrderNumber));

    [Theory]
    [InlineData("我的卡号6222 0212 3456 7890 123")]
    [InlineData("bank card 6222-0212-3456-7890 got charged")]
    [InlineData("号码261124000000000只有15位")]
    [InlineData("12345678901234567890 twenty digits")]
    [InlineData("+86 138-0013-8000")]
    public void Card_numbers_phones_and_wrong_lengths_are_not_order_numbers(string text) =>
        Assert.Null(ValueOf(text, EntityTypes.OrderNumber));

    [Fact]
    public void Order_number_span_is_the_original_text()
    {
        var entity = Entities("单号 2611 2400 0000 0002 查一下").Single(e => e.Type == EntityTypes.OrderNumber);

        Assert.Equal("2611 2400 0000 0002", entity.Text);
        Assert.Equal(3, entity.Start);
    }

    [Theory]
    [InlineData("+86 138-0013-8000", "13800138000")]
    [InlineData("手机13800138000", "13800138000")]
    [InlineData("call 139 1234 5678", "13912345678")]
    [InlineData("0086 186-1234-5678", "18612345678")]
    public void Mainland_mobiles_are_eleven_digits(string text, string expected) =>
        Assert.Equal(expected, ValueOf(text, EntityTypes.Phone));

    [Theory]
    [InlineData("座机010-12345678")]
    [InlineData("12800138000")]
    [InlineData("订单号 2611 2400 0000 0002")]
    public void Landlines_invalid_prefixes_and_order_numbers_are_not_phones(string text) =>
        Assert.Null(ValueOf(text, EntityTypes.Phone));

    [Theory]
    [InlineData("付了35元", "35 CNY")]
    [InlineData("三十五块", "35 CNY")]
    [InlineData("两块五", "2.50 CNY")]
    [InlineData("十二块五毛", "12.50 CNY")]
    [InlineData("¥12.5", "12.50 CNY")]
    [InlineData("￥99", "99 CNY")]
    [InlineData("RMB 20", "20 CNY")]
    [InlineData("35 yuan", "35 CNY")]
    [InlineData("$12.40", "12.40 USD")]
    [InlineData("12.40 USD", "12.40 USD")]
    public void Money_is_amount_and_iso_currency(string text, string expected) =>
        Assert.Equal(expected, ValueOf(text, EntityTypes.Money));

    [Theory]
    [InlineData("等了20分钟")]
    [InlineData("12点15分下的单")]
    [InlineData("评分5分")]
    public void Minutes_and_scores_are_not_money(string text) =>
        Assert.Null(ValueOf(text, EntityTypes.Money));

    [Theory]
    [InlineData("晚上7点半", "19:30")]
    [InlineData("at 6pm", "18:00")]
    [InlineData("下午三点", "15:00")]
    [InlineData("半小时前", "now-30min")]
    [InlineData("an hour ago", "now-60min")]
    [InlineData("20分钟前", "now-20min")]
    [InlineData("两个小时前", "now-120min")]
    [InlineData("昨天晚上8点", "yesterday 20:00")]
    [InlineData("yesterday at 7:30pm", "yesterday 19:30")]
    [InlineData("明天中午12点", "tomorrow 12:00")]
    public void Times_are_clock_day_or_minutes_ago(string text, string expected) =>
        Assert.Equal(expected, ValueOf(text, EntityTypes.Time));

    [Theory]
    [InlineData("等了40分钟", "40min")]
    [InlineData("waited 40 minutes", "40min")]
    [InlineData("等了一个半小时", "90min")]
    public void Durations_without_ago_are_a_separate_entity(string text, string expected)
    {
        Assert.Equal(expected, ValueOf(text, EntityTypes.Duration));
        Assert.Null(ValueOf(text, EntityTypes.Time));
    }

    [Theory]
    [InlineData("版本8.2.1", "8.2.1")]
    [InlineData("v8.2 crashes", "8.2")]
    [InlineData("updated to 8.3.0", "8.3.0")]
    public void App_versions_are_dotted(string text, string expected) =>
        Assert.Equal(expected, ValueOf(text, EntityTypes.AppVersion));

    [Theory]
    [InlineData("外卖咋还没到")]
    [InlineData("agent pls")]
    [InlineData("thanks 👍")]
    public void Messages_without_quantities_have_no_entities(string text) => Assert.Empty(Entities(text));
}
