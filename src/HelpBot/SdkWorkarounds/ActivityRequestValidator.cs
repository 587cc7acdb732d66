using System.Text;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HelpBot.SdkWorkarounds;

/// <summary>
/// Checks a POST /api/messages body before the Bot Framework SDK sees it. The stock CloudAdapter answers 500 to an
/// activity whose type is not a string or whose conversation is missing; callers must get a 4xx that says what is wrong.
/// With channel authentication on, a request without a bearer token is refused before its body is read, and the
/// messages name only the rule that was broken, never quoting what was sent (the adapter then checks the token itself).
/// Ids with control characters or broken Unicode are refused; broken Unicode in the text and other values is replaced
/// (<see cref="UnicodeText"/>), so the turn runs on text every part of the bot can handle.
/// </summary>
public sealed class ActivityRequestValidator
{
    /// <summary>Largest body accepted. Screenshots travel as attachment URLs, never inline in the activity JSON.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public const int MaxAttachments = 10;

    private const int MaxJsonDepth = 32;

    private readonly bool _requireBearerToken;

    /// <param name="requireBearerToken">True when channel authentication is on (a MicrosoftAppId is configured).</param>
    public ActivityRequestValidator(bool requireBearerToken = false)
    {
        _requireBearerToken = requireBearerToken;
    }

    /// <summary>
    /// Reads and checks the activity. Returns it, ready for the adapter (so the body is parsed here once, not again by
    /// the SDK), or the error to answer with.
    /// </summary>
    public async Task<(Activity? Activity, IResult? Problem)> ValidateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_requireBearerToken && !HasBearerToken(request))
        {
            return Refuse(Error(StatusCodes.Status401Unauthorized, "Unauthorized", "A Bot Framework channel token (Authorization: Bearer ...) is required."));
        }

        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(Error(StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType", "The body must be an activity in JSON (Content-Type: application/json)."));
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return Refuse(TooLarge());
        }

        string body;
        try
        {
            body = await ReadCappedAsync(request.Body, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException && !cancellationToken.IsCancellationRequested)
        {
            // Our own cap, or the server's request body limit, which a chunked body without Content-Length reaches first.
            return Refuse(TooLarge());
        }

        JObject json;
        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { MaxDepth = MaxJsonDepth, DateParseHandling = DateParseHandling.None };
            var token = JToken.ReadFrom(reader);
            if (token is not JObject obj)
            {
                return Refuse(BadRequest("The body must be a JSON object (an activity)."));
            }

            json = obj;
        }
        catch (JsonException ex)
        {
            return Refuse(BadRequest(Detail("The body is not valid JSON", ex)));
        }

        var problem = CheckShape(json) ?? CheckIds(json);
        if (problem is not null)
        {
            return Refuse(BadRequest(problem));
        }

        CleanStrings(json);

        try
        {
            // The serializer the SDK itself reads request bodies with, so the activity is the one it would have read.
            return (json.ToObject<Activity>(HttpHelper.BotMessageSerializer), null);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException or OverflowException)
        {
            return Refuse(BadRequest(Detail("A field of the activity has the wrong type", ex)));
        }
    }

    private static (Activity? Activity, IResult? Problem) Refuse(IResult problem) => (null, problem);

    private static bool HasBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { } header
        && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && !string.IsNullOrWhiteSpace(header[7..]);

    // The parser's message helps a developer but can quote the body's values; a caller not yet authenticated gets none.
    private string Detail(string problem, Exception ex) => _requireBearerToken ? problem + "." : $"{problem}: {ex.Message}";

    private static string? CheckShape(JObject activity)
    {
        if (activity["type"] is not JValue { Type: JTokenType.String } type || string.IsNullOrWhiteSpace((string?)type))
        {
            return "\"type\" must be a non-empty string such as \"message\".";
        }

        if (activity["conversation"] is not JObject conversation
            || conversation["id"] is not JValue { Type: JTokenType.String } conversationId
            || string.IsNullOrWhiteSpace((string?)conversationId))
        {
            return "\"conversation\" must be an object with a non-empty string \"id\".";
        }

        if (activity["serviceUrl"] is not JValue { Type: JTokenType.String } serviceUrl
            || !Uri.TryCreate((string?)serviceUrl, UriKind.Absolute, out var serviceUri)
            || (serviceUri.Scheme != Uri.UriSchemeHttp && serviceUri.Scheme != Uri.UriSchemeHttps))
        {
            return "\"serviceUrl\" must be an absolute http or https URL.";
        }

        if (activity["from"] is { } from
            && (from is not JObject fromObject || fromObject["id"] is not JValue { Type: JTokenType.String }))
        {
            return "\"from\" must be an object with a string \"id\".";
        }

        if ((string?)type == ActivityTypes.Message && activity["from"] is null)
        {
            return "A message needs \"from\" with the sender's \"id\".";
        }

        foreach (var field in new[] { "text", "locale", "channelId", "deliveryMode", "id", "replyToId" })
        {
            if (activity[field] is { } value && value.Type is not (JTokenType.String or JTokenType.Null))
            {
                return $"\"{field}\" must be a string.";
            }
        }

        if (activity["attachments"] is { } attachments)
        {
            if (attachments is not JArray list)
            {
                return "\"attachments\" must be an array.";
            }

            if (list.Count > MaxAttachments)
            {
                return $"At most {MaxAttachments} attachments can be sent in one activity.";
            }
        }

        return null;
    }

    // Ids end up in storage keys, platform URLs and logs; a NUL or a lone surrogate in one failed the turn downstream.
    private static string? CheckIds(JObject activity)
    {
        foreach (var (path, token) in new[]
        {
            ("from.id", activity["from"]?["id"]),
            ("recipient.id", activity["recipient"] is JObject recipient ? recipient["id"] : null),
            ("conversation.id", activity["conversation"]?["id"]),
            ("channelId", activity["channelId"]),
        })
        {
            if (token is JValue { Type: JTokenType.String, Value: string id } && UnicodeText.IsUnfitForId(id))
            {
                return $"\"{path}\" must not contain control characters, lone surrogates or noncharacters.";
            }
        }

        return null;
    }

    /// <summary>
    /// Replaces lone surrogates and noncharacters in every string of the activity (text, values, channel data) with
    /// U+FFFD: a customer who pasted one still gets an answer to the rest of the message.
    /// </summary>
    private static void CleanStrings(JContainer activity)
    {
        foreach (var value in activity.Descendants().OfType<JValue>())
        {
            if (value.Value is string text && !UnicodeText.IsClean(text))
            {
                value.Value = UnicodeText.Clean(text);
            }
        }
    }

    private static async Task<string> ReadCappedAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            var length = 0;
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
                if (length > MaxBodyBytes)
                {
                    throw new InvalidDataException("Body too large.");
                }

                if (length == buffer.Length)
                {
                    var larger = System.Buffers.ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            // Invalid UTF-8 becomes U+FFFD rather than an exception: the activity is still judged by its structure.
            return Encoding.UTF8.GetString(buffer, 0, length);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, "BadArgument", message);

    private static IResult TooLarge() =>
        Error(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge", $"The activity is larger than {MaxBodyBytes / 1024} KB.");

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, statusCode: status);
}
