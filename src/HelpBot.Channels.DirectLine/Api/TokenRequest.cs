using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace HelpBot.Channels.DirectLine.Api;

/// <summary>Body of tokens/generate and of starting a conversation: {"user": {"id": "..."}, "locale": "..."}.</summary>
public sealed class TokenRequest
{
    [JsonProperty("user")]
    public ChannelAccount? User { get; set; }

    [JsonProperty("locale")]
    public string? Locale { get; set; }
}
