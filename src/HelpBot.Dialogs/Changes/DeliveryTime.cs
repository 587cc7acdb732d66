using HelpBot.Language.Answers;

namespace HelpBot.Dialogs.Changes;

/// <summary>
/// A new delivery time from what the customer typed ("19:30", "晚上7点半", "半小时后", "过一个钟头再送", "八点前",
/// "after 7pm", "明天中午"), read by <see cref="DeliveryTimeReader"/> in the platform's time zone. Food that is already
/// ordered can wait at most until the end of the next day, so later times are not offered to the platform.
/// </summary>
public static class DeliveryTime
{
    public static DateTimeOffset? Parse(string? text, string language, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var localNow = TimeZoneInfo.ConvertTime(now, zone);
        var endOfTomorrow = new DateTimeOffset(localNow.Date.AddDays(2), localNow.Offset);
        return DeliveryTimeReader.Read(text, language, now, zone, endOfTomorrow - now)?.At;
    }
}
