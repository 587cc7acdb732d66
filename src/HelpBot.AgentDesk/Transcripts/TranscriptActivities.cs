using System.Globalization;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HelpBot.AgentDesk.Transcripts;

/// <summary>What every transcript store shares: the activity snapshot, the reading order and the export format.</summary>
public static class TranscriptActivities
{
    /// <summary>The serializer of <see cref="Snapshot(IActivity)"/>: what a stored activity looks like.</summary>
    internal static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        NullValueHandling = NullValueHandling.Ignore,
        TypeNameHandling = TypeNameHandling.None,
    });

    /// <summary>Snapshots an activity as it will be stored (later changes to the object do not reach the transcript).</summary>
    public static JObject Snapshot(IActivity activity) =>
        JObject.FromObject(activity ?? throw new ArgumentNullException(nameof(activity)), Serializer);

    /// <summary>
    /// Snapshots an activity as the transcript records it when it is received or sent: <paramref name="id"/> (the id
    /// the channel gave a sent activity) replaces its own, and an activity without a timestamp gets <paramref name="now"/>
    /// (replies often have none; the transcript orders by time).
    /// </summary>
    public static JObject Snapshot(IActivity activity, string? id, DateTimeOffset now)
    {
        var snapshot = Snapshot(activity);
        if (id is not null)
        {
            snapshot["id"] = id;
        }

        snapshot["timestamp"] ??= now.ToString("O", CultureInfo.InvariantCulture);
        return snapshot;
    }

    /// <summary>Time order, and the order of recording when times are equal or missing.</summary>
    public static IReadOnlyList<JObject> InTimeOrder(IEnumerable<JObject> activities) =>
        [.. activities.Select((activity, index) => (activity, index))
            .OrderBy(x => TimestampOf(x.activity) ?? DateTimeOffset.MinValue)
            .ThenBy(x => x.index)
            .Select(x => x.activity)];

    /// <summary>The <c>.transcript</c> file's text: a JSON array of activities.</summary>
    public static string ToTranscriptFile(IEnumerable<JObject> activities) =>
        new JArray(activities).ToString(Formatting.Indented);

    private static DateTimeOffset? TimestampOf(JObject activity)
    {
        try
        {
            return (DateTimeOffset?)activity["timestamp"];
        }
        catch (FormatException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            // Not a date (e.g. a number): such an activity sorts first, as one without a time.
            return null;
        }
    }
}
