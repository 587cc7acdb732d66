using Newtonsoft.Json;

namespace HelpBot.Channels.DirectLine.Api;

/// <summary>The Direct Line 3.0 Conversation object (tokens/generate, tokens/refresh, start and reconnect).</summary>
public sealed class ConversationResponse
{
    [JsonProperty("conversationId")]
    public required string ConversationId { get; init; }

    [JsonProperty("token")]
    public required string Token { get; init; }

    [JsonProperty("expires_in")]
    public int ExpiresIn { get; init; }

    [JsonProperty("streamUrl", NullValueHandling = NullValueHandling.Ignore)]
    public string? StreamUrl { get; init; }
}
