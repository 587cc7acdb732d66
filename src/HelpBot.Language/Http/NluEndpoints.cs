using System.Text.Json;
using HelpBot.Language.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HelpBot.Language.Http;

public static class NluEndpoints
{
    /// <summary>Longest message accepted, in characters; chat messages are far shorter.</summary>
    public const int MaxTextLength = 2000;

    /// <summary>Request bodies above this are refused before parsing.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// POST /api/nlu/parse {"text": "...", "locale": "zh-CN"|"en-US" (optional)} → intent, score, entities, topIntents,
    /// language. Bad input gets 400 (413 for an oversized body) with {"error": "..."}. Needs <see cref="IHelpBotRecognizer"/>
    /// (see <see cref="LanguageServiceCollectionExtensions.AddHelpBotLanguage"/>).
    /// </summary>
    /// <returns>The endpoint, for the host to add its authorization and rate limit to.</returns>
    public static RouteHandlerBuilder MapNluEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPost("/api/nlu/parse", (Delegate)ParseAsync);
    }

    private static async Task<IResult> ParseAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > MaxBodyBytes)
        {
            return Error($"Request body is larger than {MaxBodyBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(new LimitedReadStream(request.Body, MaxBodyBytes), default, context.RequestAborted);
        }
        catch (JsonException)
        {
            return Error("Body must be a JSON object: {\"text\": \"...\", \"locale\": \"zh-CN\" | \"en-US\"}.");
        }
        catch (InvalidDataException)
        {
            return Error($"Request body is larger than {MaxBodyBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Error("Body must be a JSON object with a \"text\" string.");
            }

            if (!TryGetProperty(root, "text", out var textElement) || textElement.ValueKind == JsonValueKind.Null)
            {
                return Error("\"text\" is required.");
            }

            if (textElement.ValueKind != JsonValueKind.String)
            {
                return Error("\"text\" must be a string.");
            }

            if (!TryGetString(textElement, out var text))
            {
                return Error("\"text\" is not valid Unicode (it has a lone surrogate).");
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                return Error("\"text\" must not be empty.");
            }

            if (text.Length > MaxTextLength)
            {
                return Error($"\"text\" is longer than {MaxTextLength} characters.");
            }

            string? locale = null;
            if (TryGetProperty(root, "locale", out var localeElement) && localeElement.ValueKind != JsonValueKind.Null)
            {
                if (localeElement.ValueKind != JsonValueKind.String)
                {
                    return Error("\"locale\" must be a string: \"zh-CN\" or \"en-US\".");
                }

                if (!TryGetString(localeElement, out var requested))
                {
                    return Error("\"locale\" is not valid Unicode (it has a lone surrogate).");
                }

                locale = SupportedLocales.Normalize(requested);
                if (locale is null)
                {
                    return Error($"Unsupported locale '{requested}'; use \"zh-CN\" or \"en-US\".");
                }
            }

            var recognizer = context.RequestServices.GetRequiredService<IHelpBotRecognizer>();
            return Results.Json(NluParseResponse.From(recognizer.Recognize(text, locale)), Json);
        }
    }

    // JSON may escape half of a surrogate pair ("\ud800"); JsonElement.GetString throws on it rather than returning it.
    private static bool TryGetString(JsonElement element, out string value)
    {
        try
        {
            value = element.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            value = string.Empty;
            return false;
        }
    }

    // Property names are matched case-insensitively, like the rest of the web JSON defaults.
    private static bool TryGetProperty(JsonElement obj, string name, out JsonElement value)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static IResult Error(string message, int status = StatusCodes.Status400BadRequest) =>
        Results.Json(new NluError(message), Json, statusCode: status);
}
