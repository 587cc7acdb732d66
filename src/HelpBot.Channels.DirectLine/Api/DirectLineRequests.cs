using System.Globalization;
using HelpBot.Channels.DirectLine.Serialization;
using HelpBot.Channels.DirectLine.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HelpBot.Channels.DirectLine.Api;

/// <summary>Request plumbing shared by the channel's endpoints.</summary>
internal static class DirectLineRequests
{
    /// <summary>Wraps a handler so that every refusal is a JSON error with a 4xx (or 502/504 for the bot), never a 500.</summary>
    public static RequestDelegate Guard(Func<HttpContext, Task> handler) => async context =>
    {
        try
        {
            await handler(context);
        }
        catch (DirectLineException ex)
        {
            await WriteErrorAsync(context, ex.StatusCode, ex.Code, ex.Message);
        }
        catch (BadHttpRequestException ex)
        {
            var code = ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "MessageSizeTooBig" : "BadArgument";
            await WriteErrorAsync(context, ex.StatusCode, code, ex.Message);
        }
        catch (InvalidDataException ex)
        {
            // Malformed multipart bodies.
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "BadArgument", ex.Message);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody to answer.
        }
    };

    public static string RouteValue(HttpContext context, string name) =>
        context.Request.RouteValues[name] as string is { Length: > 0 } value
            ? value
            : throw DirectLineException.MissingProperty($"Missing {name}.");

    /// <summary>Parses ?watermark=: absent, empty or "-" means from the start.</summary>
    public static long Watermark(HttpRequest request)
    {
        var text = request.Query["watermark"].ToString();
        if (text.Length == 0 || text == "-")
            return 0;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw DirectLineException.BadArgument("watermark must be a value returned by this service.");
    }

    /// <summary>Writes {"activities": [...], "watermark": "n"} from the stored JSON without re-serializing it.</summary>
    public static string ActivitySetJson(ActivityPage page) =>
        "{\"activities\":[" + string.Join(',', page.Activities.Select(a => a.Json)) + "],\"watermark\":\""
        + page.Watermark.ToString(CultureInfo.InvariantCulture) + "\"}";

    public static async Task WriteRawJsonAsync(HttpResponse response, int statusCode, string json)
    {
        response.StatusCode = statusCode;
        response.ContentType = "application/json; charset=utf-8";
        await response.WriteAsync(json);
    }

    private static async Task WriteErrorAsync(HttpContext context, int statusCode, string code, string message)
    {
        if (context.Response.HasStarted)
        {
            (context.RequestServices.GetService(typeof(ILoggerFactory)) as ILoggerFactory)?.CreateLogger(typeof(DirectLineRequests)).LogWarning(
                "Direct Line request failed after the response started: {Code} {Message}", code, message);
            context.Abort();
            return;
        }

        context.Response.Clear();
        await DirectLineJson.WriteAsync(context.Response, statusCode, DirectLineError.Of(code, message));
    }
}
