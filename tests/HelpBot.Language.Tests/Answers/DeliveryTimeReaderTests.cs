using HelpBot.Language.Answers;

namespace HelpBot.Language.Tests.Answers;

/// <summary>
/// New delivery times as customers type them at "when should it arrive?", read at a fixed instant: Tuesday
/// 2026-11-24 18:40 in Asia/Shanghai (the platform zone). Expected times are local "MM-dd HH:mm".
/// </summary>
public sealed class DeliveryTimeReaderTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 18, 40, 0, TimeSpan.FromHours(8));

    private static RequestedTime? Read(string text, string language, DateTimeOffset? now = null, TimeSpan? window = null) =>
        DeliveryTimeReader.Read(text, language, now ?? Now, Shanghai, window);

    private static string Local(RequestedTime time) => TimeZoneInfo.ConvertTime(time.At, Shanghai).ToString("MM-dd HH:mm");

    // Ported from the cases DeliveryTime.Parse handled (dialog flow test and the stories that pass today).
    [Theory]
    [InlineData("in 40 minutes", "en-US", "11-24 19:20")]
    [InlineData("40分钟后", "zh-CN", "11-24 19:20")]
    [InlineData("40分钟以后", "zh-CN", "11-24 19:20")]
    [InlineData("40分钟后送", "zh-CN", "11-24 19:20")]
    [InlineData("过40分钟送到", "zh-CN", "11-24 19:20")]
    [InlineData("30分钟后", "zh-CN", "11-24 19:10")]
    [InlineData("1小时后", "zh-CN", "11-24 19:40")]
    [InlineData("in an hour", "en-US", "11-24 19:40")]
    [InlineData("an hour from now", "en-US", "11-24 19:40")]
    [InlineData("in 1 hour pls", "en-US", "11-24 19:40")]
    [InlineData("19:30", "zh-CN", "11-24 19:30")]
    [InlineData("晚上7点半", "zh-CN", "11-24 19:30")]
    [InlineData("明天中午12点", "zh-CN", "11-25 12:00")]
    public void Times_read_before_still_read(string text, string language, string expected)
    {
        var time = Read(text, language);
        Assert.NotNull(time);
        Assert.Equal(expected, Local(time));
        Assert.False(time.IsLatest);
    }

    [Theory]
    [InlineData("半小时后", "11-24 19:10")]
    [InlineData("过半小时再送", "11-24 19:10")]
    [InlineData("半个小时以后吧", "11-24 19:10")]
    [InlineData("一小时后", "11-24 19:40")]
    [InlineData("过一个钟头再送", "11-24 19:40")]
    [InlineData("一个小时后再送吧", "11-24 19:40")]
    [InlineData("再过一个小时", "11-24 19:40")]
    [InlineData("等一个钟再送过来", "11-24 19:40")]
    [InlineData("一个半小时后", "11-24 20:10")]
    [InlineData("1个半小时后送", "11-24 20:10")]
    [InlineData("1.5小时后", "11-24 20:10")]
    [InlineData("四十分钟后", "11-24 19:20")]
    [InlineData("四十五分钟之后送吧", "11-24 19:25")]
    [InlineData("二十分钟后再送", "11-24 19:00")]
    [InlineData("两个钟头以后", "11-24 20:40")]
    [InlineData("两个半小时后", "11-24 21:10")]
    [InlineData("过一刻钟", "11-24 18:55")]
    [InlineData("麻烦 过 半小时 再送", "11-24 19:10")]
    [InlineData("那就半小时后吧，谢谢", "11-24 19:10")]
    [InlineData("半小时", "11-24 19:10")]
    [InlineData("一个小时吧", "11-24 19:40")]
    public void Chinese_spans_of_time_count_from_now(string text, string expected)
    {
        var time = Read(text, "zh-CN");
        Assert.NotNull(time);
        Assert.Equal(expected, Local(time));
        Assert.False(time.IsLatest);
    }

    [Theory]
    [InlineData("in half an hour", "11-24 19:10")]
    [InlineData("half an hour later", "11-24 19:10")]
    [InlineData("in 30 mins", "11-24 19:10")]
    [InlineData("30 min later pls", "11-24 19:10")]
    [InlineData("an hour later", "11-24 19:40")]
    [InlineData("1hr later", "11-24 19:40")]
    [InlineData("in 2 hrs", "11-24 20:40")]
    [InlineData("40 minutes", "11-24 19:20")]
    [InlineData("40 mins pls", "11-24 19:20")]
    public void English_spans_of_time_count_from_now(string text, string expected)
    {
        var time = Read(text, "en-US");
        Assert.NotNull(time);
        Assert.Equal(expected, Local(time));
        Assert.False(time.IsLatest);
    }

    [Theory]
    [InlineData("八点前送到", "zh-CN", "11-24 20:00")]
    [InlineData("最晚八点", "zh-CN", "11-24 20:00")]
    [InlineData("最晚八点送到", "zh-CN", "11-24 20:00")]
    [InlineData("最迟8点", "zh-CN", "11-24 20:00")]
    [InlineData("8点之前送到就行", "zh-CN", "11-24 20:00")]
    [InlineData("晚上八点之前", "zh-CN", "11-24 20:00")]
    [InlineData("八点以前", "zh-CN", "11-24 20:00")]
    [InlineData("今晚八点前能到吗", "zh-CN", "11-24 20:00")]
    [InlineData("8点半前", "zh-CN", "11-24 20:30")]
    [InlineData("一小时内送到", "zh-CN", "11-24 19:40")]
    [InlineData("半小时之内", "zh-CN", "11-24 19:10")]
    [InlineData("before 8pm", "en-US", "11-24 20:00")]
    [InlineData("anytime before 8 pm", "en-US", "11-24 20:00")]
    [InlineData("by 8", "en-US", "11-24 20:00")]
    [InlineData("by 8pm", "en-US", "11-24 20:00")]
    [InlineData("before 8", "en-US", "11-24 20:00")]
    [InlineData("no later than 7:30", "en-US", "11-24 19:30")]
    [InlineData("no later than 7:30pm please", "en-US", "11-24 19:30")]
    [InlineData("not later than 8", "en-US", "11-24 20:00")]
    [InlineData("8pm at the latest", "en-US", "11-24 20:00")]
    [InlineData("until 8pm", "en-US", "11-24 20:00")]
    [InlineData("within an hour", "en-US", "11-24 19:40")]
    public void Deadlines_are_the_latest_time(string text, string language, string expected)
    {
        var time = Read(text, language);
        Assert.NotNull(time);
        Assert.Equal(expected, Local(time));
        Assert.True(time.IsLatest);
    }

    [Theory]
    [InlineData("after 7pm", "en-US", "11-24 19:00")]
    [InlineData("any time after 7pm", "en-US", "11-24 19:00")]
    [InlineData("after 7 pm please, I'm not home before", "en-US", "11-24 19:00")]
    [InlineData("after 7", "en-US", "11-24 19:00")]
    [InlineData("between 7 and 8pm", "en-US", "11-24 19:00")]
    [InlineData("7-8pm", "en-US", "11-24 19:00")]
    [InlineData("7点以后", "zh-CN", "11-24 19:00")]
    [InlineData("7点之后再送", "zh-CN", "11-24 19:00")]
    [InlineData("晚上7点以后", "zh-CN", "11-24 19:00")]
    [InlineData("7点到8点", "zh-CN", "11-24 19:00")]
    [InlineData("7点到8点之间送过来", "zh-CN", "11-24 19:00")]
    public void Ranges_take_their_start(string text, string language, string expected)
    {
        var time = Read(text, language);
        Assert.NotNull(time);
        Assert.Equal(expected, Local(time));
        Assert.False(time.IsLatest);
    }

    [Theory]
    [InlineData("明天中午", "zh-CN", "11-25 12:00")]
    [InlineData("明天中午送", "zh-CN", "11-25 12:00")]
    [InlineData("改到明天中午吧", "zh-CN", "11-25 12:00")]
    [InlineData("明天上午", "zh-CN", "11-25 10:00")]
    [InlineData("明天早上", "zh-CN", "11-25 08:00")]
    [InlineData("明早送", "zh-CN", "11-25 08:00")]
    [InlineData("明天下午", "zh-CN", "11-25 15:00")]
    [InlineData("明天晚上", "zh-CN", "11-25 19:00")]
    [InlineData("明晚吧", "zh-CN", "11-25 19:00")]
    [InlineData("今晚", "zh-CN", "11-24 19:00")]
    [InlineData("今天晚上", "zh-CN", "11-24 19:00")]
    [InlineData("中午", "zh-CN", "11-25 12:00")]
    [InlineData("后天中午", "zh-CN", "11-26 12:00")]
    [InlineData("tomorrow at noon", "en-US", "11-25 12:00")]
    [InlineData("tomorrow noon", "en-US", "11-25 12:00")]
    [InlineData("tomorrow morning", "en-US", "11-25 10:00")]
    [InlineData("tomorrow afternoon", "en-US", "11-25 15:00")]
    [InlineData("tomorrow evening", "en-US", "11-25 19:00")]
    [InlineData("tomorrow lunchtime", "en-US", "11-25 12:00")]
    [InlineData("tonight", "en-US", "11-24 19:00")]
    [InlineData("this evening", "en-US", "11-24 19:00")]
    public void Parts_of_the_day_take_a_default_hour(string text, string language, string expected)
    {
        var time = Read(text, language);
        Assert.NotNull(time);
        Assert.Equal(expected, Local(time));
        Assert.False(time.IsLatest);
    }

    [Theory]
    [InlineData("8点半吧", "zh-CN", "11-24 20:30", false)]
    [InlineData("改成晚上八点", "zh-CN", "11-24 20:00", false)]
    [InlineData("麻烦改到20:00", "zh-CN", "11-24 20:00", false)]
    [InlineData("20点", "zh-CN", "11-24 20:00", false)]
    [InlineData("晚上九点左右送到就行", "zh-CN", "11-24 21:00", false)]
    [InlineData("九点钟", "zh-CN", "11-24 21:00", false)]
    [InlineData("九点以后都行", "zh-CN", "11-24 21:00", false)]
    [InlineData("一个小时以后再送过来吧", "zh-CN", "11-24 19:40", false)]
    [InlineData("再等半个钟头", "zh-CN", "11-24 19:10", false)]
    [InlineData("两小时后", "zh-CN", "11-24 20:40", false)]
    [InlineData("3小时后", "zh-CN", "11-24 21:40", false)]
    [InlineData("十分钟后", "zh-CN", "11-24 18:50", false)]
    [InlineData("明天中午12点前", "zh-CN", "11-25 12:00", true)]
    [InlineData("明天上午十点", "zh-CN", "11-25 10:00", false)]
    [InlineData("明天中午吧 我在公司", "zh-CN", "11-25 12:00", false)]
    [InlineData("今晚7点半", "zh-CN", "11-24 19:30", false)]
    [InlineData("7点半左右", "zh-CN", "11-24 19:30", false)]
    [InlineData("不超过8点", "zh-CN", "11-24 20:00", true)]
    [InlineData("8点半之前务必送到", "zh-CN", "11-24 20:30", true)]
    [InlineData("最晚一个小时后", "zh-CN", "11-24 19:40", true)]
    [InlineData("8:30pm please", "en-US", "11-24 20:30", false)]
    [InlineData("can you make it 8pm", "en-US", "11-24 20:00", false)]
    [InlineData("around 9", "en-US", "11-24 21:00", false)]
    [InlineData("at 7:45", "en-US", "11-24 19:45", false)]
    [InlineData("7:45 pm", "en-US", "11-24 19:45", false)]
    [InlineData("tomorrow at 12", "en-US", "11-25 12:00", false)]
    [InlineData("deliver it by 9 tonight", "en-US", "11-24 21:00", true)]
    [InlineData("no later than 8 please", "en-US", "11-24 20:00", true)]
    [InlineData("sometime after 8", "en-US", "11-24 20:00", false)]
    [InlineData("In 45 min", "en-US", "11-24 19:25", false)]
    [InlineData("45 minutes from now", "en-US", "11-24 19:25", false)]
    [InlineData("Tomorrow Noon pls", "en-US", "11-25 12:00", false)]
    [InlineData("7点30", "zh-CN", "11-24 19:30", false)]
    [InlineData("19.30", "zh-CN", "11-24 19:30", false)]
    [InlineData("八点三十", "zh-CN", "11-24 20:30", false)]
    [InlineData("晚上八点半前", "zh-CN", "11-24 20:30", true)]
    [InlineData("今天8点前", "zh-CN", "11-24 20:00", true)]
    [InlineData("20：00以前送达", "zh-CN", "11-24 20:00", true)]
    [InlineData("8点钟之前", "zh-CN", "11-24 20:00", true)]
    [InlineData("九点前后", "zh-CN", "11-24 21:00", false)]
    [InlineData("差不多九点", "zh-CN", "11-24 21:00", false)]
    [InlineData("送晚一点，9点吧", "zh-CN", "11-24 21:00", false)]
    [InlineData("晚上12点", "zh-CN", "11-25 00:00", false)]
    [InlineData("半夜12点", "zh-CN", "11-25 00:00", false)]
    [InlineData("半小时後", "zh-CN", "11-24 19:10", false)]
    [InlineData("一个半钟头后", "zh-CN", "11-24 20:10", false)]
    [InlineData("40min后", "zh-CN", "11-24 19:20", false)]
    [InlineData("过40min送", "zh-CN", "11-24 19:20", false)]
    [InlineData("8点半到9点之间", "zh-CN", "11-24 20:30", false)]
    [InlineData("20:00-21:00", "zh-CN", "11-24 20:00", false)]
    [InlineData("明天上午9点半", "zh-CN", "11-25 09:30", false)]
    [InlineData("今晚9点以后", "zh-CN", "11-24 21:00", false)]
    [InlineData("2611240000000002 半小时后", "zh-CN", "11-24 19:10", false)]
    [InlineData("订单2611240000000002明天中午送", "zh-CN", "11-25 12:00", false)]
    [InlineData("手机13800138000 8点前送到", "zh-CN", "11-24 20:00", true)]
    [InlineData("tmr noon", "en-US", "11-25 12:00", false)]
    [InlineData("by 8 pm pls", "en-US", "11-24 20:00", true)]
    [InlineData("before 8 o'clock", "en-US", "11-24 20:00", true)]
    [InlineData("in forty minutes", "en-US", "11-24 19:20", false)]
    [InlineData("in an hour and a half", "en-US", "11-24 20:10", false)]
    [InlineData("in 1.5 hours", "en-US", "11-24 20:10", false)]
    [InlineData("in 40min", "en-US", "11-24 19:20", false)]
    [InlineData("2 hours", "en-US", "11-24 20:40", false)]
    [InlineData("tonight at 9", "en-US", "11-24 21:00", false)]
    [InlineData("after 8:30", "en-US", "11-24 20:30", false)]
    [InlineData("dinner time", "en-US", "11-24 19:00", false)]
    [InlineData("8点前送到🙏", "zh-CN", "11-24 20:00", true)]
    [InlineData("🙏🙏 半小时后", "zh-CN", "11-24 19:10", false)]
    [InlineData("😭 before 8pm pls 😭", "en-US", "11-24 20:00", true)]
    public void More_ways_customers_say_it(string text, string language, string expected, bool isLatest)
    {
        var time = Read(text, language);
        Assert.NotNull(time);
        Assert.Equal(expected, Local(time));
        Assert.Equal(isLatest, time.IsLatest);
    }

    [Theory]
    [InlineData("啥时候都行", "zh-CN")]
    [InlineData("你们说呢", "zh-CN")]
    [InlineData("怎么改时间", "zh-CN")]
    [InlineData("改时间", "zh-CN")]
    [InlineData("8块钱", "zh-CN")]
    [InlineData("第3单", "zh-CN")]
    [InlineData("12345", "zh-CN")]
    [InlineData("还要等多久", "zh-CN")]
    [InlineData("送了一个小时了还没到", "zh-CN")]
    [InlineData("骑手半小时前就说快到了", "zh-CN")]
    [InlineData("那就不用改了吧", "zh-CN")]
    [InlineData("算了不改了", "zh-CN")]
    [InlineData("还是按原来的时间", "zh-CN")]
    [InlineData("forget it, leave it as it is", "en-US")]
    [InlineData("actually no, keep the time", "en-US")]
    [InlineData("晚一点", "zh-CN")]
    [InlineData("晚点送", "zh-CN")]
    [InlineData("早一点送", "zh-CN")]
    [InlineData("能不能快一点", "zh-CN")]
    [InlineData("现在是几点", "zh-CN")]
    [InlineData("还要几分钟", "zh-CN")]
    [InlineData("40 minutes ago", "en-US")]
    [InlineData("later", "en-US")]
    [InlineData("a bit later", "en-US")]
    [InlineData("b4 8", "en-US")]
    [InlineData("i don't care", "en-US")]
    [InlineData("what times are available?", "en-US")]
    [InlineData("8 dollars", "en-US")]
    [InlineData("it's been 2 hours", "en-US")]
    [InlineData("whenever is fine", "en-US")]
    [InlineData("the same time", "en-US")]
    [InlineData("keep the original time", "en-US")]
    [InlineData("I've been waiting for 45 minutes", "en-US")]
    public void More_messages_without_a_time(string text, string language) => Assert.Null(Read(text, language));

    [Fact]
    public void A_deadline_of_a_part_of_the_day_is_its_default_hour()
    {
        var time = Read("明天中午前", "zh-CN");
        Assert.NotNull(time);
        Assert.Equal("11-25 12:00", Local(time));
        Assert.True(time.IsLatest);
    }

    [Theory]
    [InlineData("8点", "zh-CN", "11-24 20:00")]
    [InlineData("八点", "zh-CN", "11-24 20:00")]
    [InlineData("8点送吧", "zh-CN", "11-24 20:00")]
    [InlineData("8点左右", "zh-CN", "11-24 20:00")]
    [InlineData("7点半", "zh-CN", "11-24 19:30")]
    [InlineData("7 点半", "zh-CN", "11-24 19:30")]
    [InlineData("七点一刻", "zh-CN", "11-24 19:15")]
    [InlineData("7点多", "zh-CN", "11-24 19:00")]
    [InlineData("大概8点半送", "zh-CN", "11-24 20:30")]
    [InlineData("晚7点", "zh-CN", "11-24 19:00")]
    [InlineData("19：30", "zh-CN", "11-24 19:30")]
    [InlineData("１９:３０", "zh-CN", "11-24 19:30")]
    [InlineData("19点30分", "zh-CN", "11-24 19:30")]
    [InlineData("19点30", "zh-CN", "11-24 19:30")]
    [InlineData("今天晚上八点", "zh-CN", "11-24 20:00")]
    [InlineData("明天晚上八点", "zh-CN", "11-25 20:00")]
    [InlineData("明天12点", "zh-CN", "11-25 12:00")]
    [InlineData("下午三点", "zh-CN", "11-25 15:00")]
    [InlineData("三点", "zh-CN", "11-25 03:00")]
    [InlineData("7.30pm", "en-US", "11-24 19:30")]
    [InlineData("7:30pm", "en-US", "11-24 19:30")]
    [InlineData("7pm", "en-US", "11-24 19:00")]
    [InlineData("8.30", "en-US", "11-24 20:30")]
    [InlineData("at 8", "en-US", "11-24 20:00")]
    [InlineData("at 8:30 pls", "en-US", "11-24 20:30")]
    [InlineData("20:30", "en-US", "11-24 20:30")]
    [InlineData("8 o'clock", "en-US", "11-24 20:00")]
    [InlineData("around 8", "en-US", "11-24 20:00")]
    [InlineData("at 7 tonight", "en-US", "11-24 19:00")]
    [InlineData("tomorrow at 10", "en-US", "11-25 10:00")]
    [InlineData("tomorrow 12pm", "en-US", "11-25 12:00")]
    [InlineData("明天早上8点", "zh-CN", "11-25 08:00")]
    [InlineData("早8点", "zh-CN", "11-25 08:00")]
    [InlineData("十二点", "zh-CN", "11-25 12:00")]
    [InlineData("2611240000000002 改到8点", "zh-CN", "11-24 20:00")]
    [InlineData("订单2611240000000002，麻烦改成19:30送", "zh-CN", "11-24 19:30")]
    [InlineData("order 2611240000000002 at 7.30pm pls", "en-US", "11-24 19:30")]
    public void Clock_times(string text, string language, string expected)
    {
        var time = Read(text, language);
        Assert.NotNull(time);
        Assert.Equal(expected, Local(time));
        Assert.False(time.IsLatest);
    }

    [Theory]
    [InlineData("8pm前", "zh-CN", "11-24 20:00", true)]
    [InlineData("after 7pm吧", "zh-CN", "11-24 19:00", false)]
    [InlineData("in 40 minutes", "zh-CN", "11-24 19:20", false)]
    [InlineData("半小时后", "en-US", "11-24 19:10", false)]
    [InlineData("8点之前", "en-US", "11-24 20:00", true)]
    public void Mixed_language_messages(string text, string language, string expected, bool isLatest)
    {
        var time = Read(text, language);
        Assert.NotNull(time);
        Assert.Equal(expected, Local(time));
        Assert.Equal(isLatest, time.IsLatest);
    }

    [Theory]
    [InlineData("8点", 7, 30, "11-24 08:00")] // before 8 in the morning: 08:00 today
    [InlineData("8点", 18, 40, "11-24 20:00")] // 08:00 has passed, 20:00 has not
    [InlineData("8点", 21, 0, "11-25 08:00")] // both passed today: 08:00 tomorrow
    [InlineData("at 8", 21, 0, "11-25 08:00")]
    [InlineData("19:30", 20, 0, "11-25 19:30")]
    [InlineData("中午", 9, 0, "11-24 12:00")]
    public void A_bare_hour_is_the_next_one_ahead(string text, int hour, int minute, string expected)
    {
        var now = new DateTimeOffset(2026, 11, 24, hour, minute, 0, TimeSpan.FromHours(8));
        var time = Read(text, text.Any(c => c > 127) ? "zh-CN" : "en-US", now);
        Assert.NotNull(time);
        Assert.Equal(expected, Local(time));
    }

    [Theory]
    [InlineData("就原来的时间吧", "zh-CN")]
    [InlineData("算了", "zh-CN")]
    [InlineData("随便", "zh-CN")]
    [InlineData("都行", "zh-CN")]
    [InlineData("尽快", "zh-CN")]
    [InlineData("越快越好", "zh-CN")]
    [InlineData("现在就送", "zh-CN")]
    [InlineData("不改了", "zh-CN")]
    [InlineData("2611240000000002", "zh-CN")]
    [InlineData("订单2611240000000002", "zh-CN")]
    [InlineData("2611240000000002", "en-US")]
    [InlineData("13800138000", "zh-CN")]
    [InlineData("明天", "zh-CN")]
    [InlineData("下周", "zh-CN")]
    [InlineData("昨天晚上8点", "zh-CN")]
    [InlineData("今天中午", "zh-CN")]
    [InlineData("40分钟前就该到了", "zh-CN")]
    [InlineData("我都等了半小时了", "zh-CN")]
    [InlineData("已经超过一个小时了", "zh-CN")]
    [InlineData("等半小时了", "zh-CN")]
    [InlineData("骑手说还要半小时吗", "zh-CN")]
    [InlineData("推迟半小时", "zh-CN")]
    [InlineData("推迟半小时再送", "zh-CN")]
    [InlineData("晚一个小时再送", "zh-CN")]
    [InlineData("往后推一个钟头吧", "zh-CN")]
    [InlineData("我不在家", "zh-CN")]
    [InlineData("？", "zh-CN")]
    [InlineData("", "zh-CN")]
    [InlineData("   ", "zh-CN")]
    [InlineData(null, "zh-CN")]
    [InlineData("waited 40 minutes already", "en-US")]
    [InlineData("it's been an hour!!", "en-US")]
    [InlineData("the rider said 20 minutes an hour ago", "en-US")]
    [InlineData("forget it", "en-US")]
    [InlineData("never mind, keep the time", "en-US")]
    [InlineData("whenever", "en-US")]
    [InlineData("asap", "en-US")]
    [InlineData("as soon as possible", "en-US")]
    [InlineData("now", "en-US")]
    [InlineData("8", "en-US")]
    [InlineData("next week", "en-US")]
    [InlineData("tomorrow", "en-US")]
    [InlineData("yesterday at 8pm", "en-US")]
    [InlineData("10 minutes ago", "en-US")]
    [InlineData("order 2611240000000002 please", "en-US")]
    public void No_time_is_null(string? text, string language) => Assert.Null(Read(text!, language));

    [Theory]
    [InlineData("下周三中午")]
    [InlineData("12月10号中午")]
    [InlineData("10天后")]
    public void Beyond_the_platform_window_is_null(string text) => Assert.Null(Read(text, "zh-CN"));

    [Fact]
    public void The_window_is_the_platforms_seven_days_unless_given()
    {
        Assert.Equal(TimeSpan.FromDays(7), DeliveryTimeReader.PlatformWindow);
        Assert.NotNull(Read("后天中午12点", "zh-CN"));
        Assert.Null(Read("后天中午12点", "zh-CN", window: TimeSpan.FromHours(24)));
        Assert.NotNull(Read("明天中午", "zh-CN", window: TimeSpan.FromHours(24)));
        Assert.Null(Read("两个钟头以后", "zh-CN", window: TimeSpan.FromHours(1)));
    }

    [Fact]
    public void The_time_is_in_the_given_zone()
    {
        var time = DeliveryTimeReader.Read("19:30", "zh-CN", Now.ToUniversalTime(), Shanghai);
        Assert.NotNull(time);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 19, 30, 0, TimeSpan.FromHours(8)), time.At);
        Assert.Equal(TimeSpan.FromHours(8), time.At.Offset);
    }

    [Fact]
    public void A_long_message_is_read_without_trouble()
    {
        var text = string.Concat(Enumerable.Repeat("我真的很着急，", 200)) + "半小时后";
        _ = Read(text, "zh-CN"); // capped, must not throw or hang
    }
}
