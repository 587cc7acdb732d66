using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HelpBot.AgentDesk.Transcripts;

/// <summary>A conversation's transcript, stored as <c>transcripts/{channelId}/{conversationId}</c>.</summary>
public sealed class TranscriptItem : IStoreItem
{
    [JsonProperty("ETag", NullValueHandling = NullValueHandling.Ignore)]
    public string? ETag { get; set; }

    /// <summary>Bot Framework activities as JSON, in the order they were logged.</summary>
    [JsonProperty("activities")]
    public List<JObject> Activities { get; set; } = [];

    /// <summary>How many of the oldest activities were dropped to keep the item bounded.</summary>
    [JsonProperty("dropped", DefaultValueHandling = DefaultValueHandling.Ignore)]
    public int Dropped { get; set; }
}
