using System.Text.Json.Nodes;

namespace HelpBot.Testing.Hosting;

/// <summary>
/// A customer's message as the web chat channel posts it to /api/messages, with deliveryMode expectReplies so the
/// bot's replies come back in the response body; and those replies.
/// </summary>
public static class CustomerMessages
{
    public static JsonObject Message(string conversationId, string? text, string? locale, string userId = "demo-user", string serviceUrl = "http://localhost:1") => new()
    {
        ["type"] = "message",
        ["text"] = text,
        ["locale"] = locale,
        ["from"] = new JsonObject { ["id"] = userId },
        ["conversation"] = new JsonObject { ["id"] = conversationId },
        ["channelId"] = "webchat",
        ["serviceUrl"] = serviceUrl,
        ["deliveryMode"] = "expectReplies",
        ["recipient"] = new JsonObject { ["id"] = "bot" },
    };

    /// <summary>The message replies in an expectReplies response body (typing indicators left out).</summary>
    public static IReadOnlyList<JsonObject> Replies(string body) =>
        [.. (JsonNode.Parse(body)?["activities"]?.AsArray() ?? []).OfType<JsonObject>().Where(a => (string?)a["type"] == "message")];
}
