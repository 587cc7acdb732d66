using Newtonsoft.Json;

namespace HelpBot.Channels.DirectLine.Serialization;

/// <summary>The error body of the Direct Line 3.0 API: {"error": {"code": "...", "message": "..."}}.</summary>
public sealed class DirectLineError
{
    [JsonProperty("error")]
    public required DirectLineErrorDetail Error { get; init; }

    public static DirectLineError Of(string code, string message) => new() { Error = new DirectLineErrorDetail { Code = code, Message = message } };
}

public sealed class DirectLineErrorDetail
{
    [JsonProperty("code")]
    public required string Code { get; init; }

    [JsonProperty("message")]
    public required string Message { get; init; }
}
