using System.Text.Json.Serialization;

namespace HelpBot.Endpoints;

/// <summary>
/// Answer of POST /api/webchat/token: the Direct Line token (bound to <see cref="ConversationId"/> and
/// <see cref="UserId"/>), its lifetime like tokens/generate's "expires_in", and the locale the page should use.
/// </summary>
public sealed record WebChatTokenResponse(
    string Token,
    string ConversationId,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string UserId,
    string Locale);
