using System.Globalization;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;

namespace HelpBot.Dialogs.Changes;

/// <summary>
/// Reads a new delivery time from what the customer typed ("19:30", "晚上7点半", "in 40 minutes", "半小时后") with
/// Microsoft.Recognizers.Text, in the platform's time zone. Only times between now and 24 hours ahead count.
/// </summary>
public static class DeliveryTime
{
    public static DateTimeOffset? Parse(string? text, string language, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var localNow = TimeZoneInfo.ConvertTime(now, zone);
        var culture = language.StartsWith("zh", StringComparison.Ordinal) ? Culture.Chinese : Culture.English;
        foreach (var result in DateTimeRecognizer.RecognizeDateTime(text, culture, DateTimeOptions.None, localNow.DateTime))
        {
            if (result.Resolution?["values"] is not List<Dictionary<string, string>> values)
            {
                continue;
            }

            foreach (var value in values)
            {
                if (Candidate(value, localNow) is { } local)
                {
                    var at = new DateTimeOffset(local, zone.GetUtcOffset(local));
                    if (at > now && at <= now.AddHours(24))
                    {
                        return at;
                    }
                }
            }
        }

        return null;
    }

    private static DateTime? Candidate(Dictionary<string, string> value, DateTimeOffset localNow)
    {
        value.TryGetValue("type", out var type);
        value.TryGetValue("value", out var raw);
        switch (type)
        {
            case "time" when TimeSpan.TryParse(raw, CultureInfo.InvariantCulture, out var clock):
                var today = localNow.Date + clock;
                return today > localNow.DateTime ? today : today.AddDays(1);
            case "datetime" when DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at):
                return at;
            case "duration" when double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds):
                return localNow.DateTime.AddSeconds(seconds);
            default:
                return null;
        }
    }
}
