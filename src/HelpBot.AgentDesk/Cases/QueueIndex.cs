using Microsoft.Bot.Builder;
using Newtonsoft.Json;

namespace HelpBot.AgentDesk.Cases;

/// <summary>
/// The open cases (waiting or claimed), stored as one item <c>cases/queue</c> so the queue is one read. Every change
/// carries the ETag it read; a change that another instance beat is read again and retried.
/// </summary>
public sealed class QueueIndex : IStoreItem
{
    [JsonProperty("ETag", NullValueHandling = NullValueHandling.Ignore)]
    public string? ETag { get; set; }

    [JsonProperty("entries")]
    public List<QueueEntry> Entries { get; set; } = [];
}

public sealed record QueueEntry(
    [property: JsonProperty("id")] string Id,
    [property: JsonProperty("createdAt")] DateTimeOffset CreatedAt,
    [property: JsonProperty("status")] string Status,
    [property: JsonProperty("problemType")] string ProblemType,
    [property: JsonProperty("language")] string Language,
    [property: JsonProperty("orderNumber", NullValueHandling = NullValueHandling.Ignore)] string? OrderNumber,
    [property: JsonProperty("claimedBy", NullValueHandling = NullValueHandling.Ignore)] string? ClaimedBy)
{
    public static QueueEntry For(EscalationCase escalation)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        return new(escalation.Id, escalation.CreatedAt, escalation.Status, escalation.ProblemType, escalation.Language, escalation.OrderNumber, escalation.ClaimedBy);
    }
}
