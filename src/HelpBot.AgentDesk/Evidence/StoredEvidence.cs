using Newtonsoft.Json;

namespace HelpBot.AgentDesk.Evidence;

/// <summary>A screenshot's bytes, stored as <c>attachments/{caseId}/{attachmentId}</c>.</summary>
public sealed class StoredEvidence
{
    [JsonProperty("contentType")]
    public string ContentType { get; set; } = "application/octet-stream";

    [JsonProperty("content")]
    public string ContentBase64 { get; set; } = string.Empty;

    [JsonProperty("size")]
    public int Size { get; set; }
}
