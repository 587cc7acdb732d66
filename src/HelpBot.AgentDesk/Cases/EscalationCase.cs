using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HelpBot.AgentDesk.Cases;

/// <summary>
/// One escalated case, stored as <c>cases/{id}</c>: everything an agent needs so the customer repeats nothing (order,
/// problem, checks, actions, screenshots, language), where to answer (the conversation reference) and what happened.
/// </summary>
public sealed class EscalationCase : IStoreItem
{
    [JsonProperty("ETag", NullValueHandling = NullValueHandling.Ignore)]
    public string? ETag { get; set; }

    [JsonProperty("id")]
    public string Id { get; set; } = string.Empty;

    /// <summary><see cref="CaseStatus"/>.</summary>
    [JsonProperty("status")]
    public string Status { get; set; } = CaseStatus.Waiting;

    /// <summary><c>platform</c> (our agent queue) or <c>merchant</c> (sent to the restaurant).</summary>
    [JsonProperty("route")]
    public string Route { get; set; } = CaseRoutes.Platform;

    [JsonProperty("createdAt")]
    public DateTimeOffset CreatedAt { get; set; }

    [JsonProperty("claimedAt", NullValueHandling = NullValueHandling.Ignore)]
    public DateTimeOffset? ClaimedAt { get; set; }

    [JsonProperty("claimedBy", NullValueHandling = NullValueHandling.Ignore)]
    public string? ClaimedBy { get; set; }

    [JsonProperty("closedAt", NullValueHandling = NullValueHandling.Ignore)]
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary><see cref="CaseResolutions"/>.</summary>
    [JsonProperty("resolution", NullValueHandling = NullValueHandling.Ignore)]
    public string? Resolution { get; set; }

    [JsonProperty("resolutionNote", NullValueHandling = NullValueHandling.Ignore)]
    public string? ResolutionNote { get; set; }

    /// <summary>The bot's state key of the conversation (<c>{channelId}/conversations/{conversationId}</c>).</summary>
    [JsonProperty("conversationKey")]
    public string ConversationKey { get; set; } = string.Empty;

    /// <summary>Where proactive messages to the customer go.</summary>
    [JsonProperty("conversation")]
    public ConversationReference Conversation { get; set; } = new();

    /// <summary>The customer's language, <c>zh-CN</c> or <c>en-US</c>.</summary>
    [JsonProperty("language")]
    public string Language { get; set; } = "zh-CN";

    [JsonProperty("userId", NullValueHandling = NullValueHandling.Ignore)]
    public string? UserId { get; set; }

    /// <summary>
    /// What the bot found and did before the hand-over: the conversation's case file as it was then. Stored in the
    /// case's own flat keys below (<c>orderNumber</c>, <c>problemType</c>, <c>findings</c>, <c>checks</c>,
    /// <c>actions</c>), which the desk page and cases stored before this type contained it read.
    /// </summary>
    [JsonIgnore]
    public CaseFile File { get; set; } = new();

    [JsonProperty("orderNumber", NullValueHandling = NullValueHandling.Ignore)]
    public string? OrderNumber { get => File.OrderNumber; set => File.OrderNumber = value; }

    /// <summary>The order as the platform returned it when the case was opened.</summary>
    [JsonProperty("orderSnapshot", NullValueHandling = NullValueHandling.Ignore)]
    public JObject? OrderSnapshot { get; set; }

    [JsonProperty("problemType")]
    public string ProblemType { get => File.ProblemType; set => File.ProblemType = value; }

    [JsonProperty("findings")]
    public List<string> Findings { get => File.Findings; set => File.Findings = value; }

    [JsonProperty("checks")]
    public List<CaseCheck> Checks { get => File.Checks; set => File.Checks = value; }

    [JsonProperty("actions")]
    public List<CaseAction> Actions { get => File.Actions; set => File.Actions = value; }

    [JsonProperty("attachments")]
    public List<CaseAttachment> Attachments { get; set; } = [];

    /// <summary>What the customer and the agent wrote to each other while the agent held the case.</summary>
    [JsonProperty("messages")]
    public List<CaseMessage> Messages { get; set; } = [];

    /// <summary>The platform support ticket opened for the same case, when there is one.</summary>
    [JsonProperty("platformTicketId", NullValueHandling = NullValueHandling.Ignore)]
    public string? PlatformTicketId { get; set; }

    /// <summary>The customer's rating of how the agent handled the case (the file's own rating is of the self-service).</summary>
    [JsonProperty("rating", NullValueHandling = NullValueHandling.Ignore)]
    public int? Rating { get; set; }

    public bool IsOpen => Status is CaseStatus.Waiting or CaseStatus.Claimed;
}

/// <summary>A screenshot stored under <c>attachments/{caseId}/{id}</c>; the case keeps only this description.</summary>
public sealed record CaseAttachment(
    [property: JsonProperty("id")] string Id,
    [property: JsonProperty("contentType")] string ContentType,
    [property: JsonProperty("size")] int Size,
    [property: JsonProperty("addedAt")] DateTimeOffset AddedAt,
    [property: JsonProperty("name", NullValueHandling = NullValueHandling.Ignore)] string? Name = null,
    [property: JsonProperty("sourceUrl", NullValueHandling = NullValueHandling.Ignore)] string? SourceUrl = null);

/// <summary><see cref="From"/>: <c>customer</c> or <c>agent</c>.</summary>
public sealed record CaseMessage(
    [property: JsonProperty("from")] string From,
    [property: JsonProperty("text")] string Text,
    [property: JsonProperty("at")] DateTimeOffset At,
    [property: JsonProperty("agent", NullValueHandling = NullValueHandling.Ignore)] string? Agent = null,
    [property: JsonProperty("attachmentIds", NullValueHandling = NullValueHandling.Ignore)] IReadOnlyList<string>? AttachmentIds = null);

public static class CaseStatus
{
    public const string Waiting = "waiting";
    public const string Claimed = "claimed";
    public const string Closed = "closed";
}

public static class CaseRoutes
{
    public const string Platform = "platform";
    public const string Merchant = "merchant";
}

public static class CaseResolutions
{
    public const string Refunded = "refunded";
    public const string Reordered = "reordered";
    public const string MerchantContacted = "merchant_contacted";
    public const string NoAction = "no_action";

    public static IReadOnlyList<string> All { get; } = [Refunded, Reordered, MerchantContacted, NoAction];
}
