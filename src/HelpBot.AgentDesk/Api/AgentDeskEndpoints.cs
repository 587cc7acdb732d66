using System.Globalization;
using System.Text.Json;
using HelpBot.AgentDesk.Cases;
using HelpBot.AgentDesk.Transcripts;
using HelpBot.Storage.Redis.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace HelpBot.AgentDesk.Api;

/// <summary>The agent API under /api/agent (bearer token) and the desk page at /agent.</summary>
public static class AgentDeskEndpoints
{
    private const int MaxBodyBytes = 64 * 1024;
    private const int MaxReplyLength = 4000;

    public static IEndpointRouteBuilder MapAgentDesk(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/agent", () => DeskPage.Serve("agent.html", "text/html; charset=utf-8"));
        app.MapGet("/agent/desk.js", () => DeskPage.Serve("desk.js", "text/javascript; charset=utf-8"));

        var api = app.MapGroup("/api/agent/escalations").AddEndpointFilter<AgentAuthFilter>();
        api.MapGet("/", ListAsync);
        api.MapGet("/{id}", GetAsync);
        api.MapGet("/{id}/transcript", TranscriptAsync);
        api.MapGet("/{id}/attachments/{attachmentId}", AttachmentAsync);
        api.MapPost("/{id}/claim", ClaimAsync);
        api.MapPost("/{id}/messages", MessageAsync);
        api.MapPost("/{id}/close", CloseAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(AgentDeskService desk, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var open = await desk.Cases.OpenCasesAsync(cancellationToken);
        var position = 0;
        var items = open.Select(e => new
        {
            id = e.Id,
            status = e.Status,
            problemType = e.ProblemType,
            language = e.Language,
            orderNumber = e.OrderNumber,
            claimedBy = e.ClaimedBy,
            createdAt = e.CreatedAt,
            waitingSeconds = (long)Math.Max(0, (now - e.CreatedAt).TotalSeconds),
            queuePosition = e.Status == CaseStatus.Waiting ? ++position : (int?)null,
        }).ToList();
        return Results.Json(new { escalations = items });
    }

    private static async Task<IResult> GetAsync(string id, AgentDeskService desk, TimeProvider time, CancellationToken cancellationToken)
    {
        var escalation = await desk.Cases.GetAsync(id, cancellationToken);
        if (escalation is null)
        {
            return NotFound(id);
        }

        var json = JObject.FromObject(escalation);
        json.Remove("ETag");
        json["waitingSeconds"] = (long)Math.Max(0, ((escalation.ClaimedAt ?? time.GetUtcNow()) - escalation.CreatedAt).TotalSeconds);
        json["queuePosition"] = await desk.Cases.PositionAsync(id, cancellationToken) is { } p ? p : JValue.CreateNull();
        json["transcriptUrl"] = $"/api/agent/escalations/{Uri.EscapeDataString(id)}/transcript";
        foreach (var attachment in json["attachments"]!.OfType<JObject>())
        {
            attachment["url"] = $"/api/agent/escalations/{Uri.EscapeDataString(id)}/attachments/{Uri.EscapeDataString((string)attachment["id"]!)}";
        }

        return Results.Text(json.ToString(Newtonsoft.Json.Formatting.None), "application/json; charset=utf-8");
    }

    private static async Task<IResult> TranscriptAsync(string id, AgentDeskService desk, ITranscriptStore transcripts, HttpContext http, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            var escalation = await desk.Cases.GetAsync(id, cancellationToken);
            if (escalation is null)
            {
                return NotFound(id);
            }

            text = await transcripts.ExportAsync(escalation.Conversation.ChannelId ?? "unknown", escalation.Conversation.Conversation?.Id ?? "unknown", cancellationToken);
        }
        catch (RedisStorageException)
        {
            // Redis is down or too slow (the store has logged it): a temporary state the desk can retry, not a bug.
            return Results.Json(new { error = "The transcript store is not reachable right now; try again shortly." }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{id}.transcript\"";
        return Results.Text(text, "application/json; charset=utf-8");
    }

    private static async Task<IResult> AttachmentAsync(string id, string attachmentId, AgentDeskService desk, HttpContext http, CancellationToken cancellationToken)
    {
        var escalation = await desk.Cases.GetAsync(id, cancellationToken);
        if (escalation is null || escalation.Attachments.All(a => a.Id != attachmentId)
            || await desk.Attachments.GetAsync(id, attachmentId, cancellationToken) is not { } stored)
        {
            return Results.Json(new { error = $"Attachment {attachmentId} of case {id} was not found." }, statusCode: StatusCodes.Status404NotFound);
        }

        // Customer content: never sniffed into something else, never run as a page of this origin.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        http.Response.Headers.CacheControl = "private, no-store";
        return Results.Bytes(stored.Content, stored.ContentType);
    }

    // The customer hears of each change from here, as proactive messages on the bot adapter (the bridge): the case is
    // changed first, and a customer who could not be told finds the case as it is on the next message.
    private static async Task<IResult> ClaimAsync(
        string id, HttpRequest request, AgentDeskService desk, ICustomerConversationBridge customer, ILogger<AgentDeskService> logger, CancellationToken cancellationToken)
    {
        var (body, error) = await ReadBodyAsync(request, allowEmpty: true, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var agent = AgentName(request, body);
        var outcome = await desk.ClaimAsync(id, agent, cancellationToken);
        if (outcome.Changed)
        {
            try
            {
                await customer.AnnounceClaimAsync(outcome.Case!, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not tell the customer of case {CaseId} that it was claimed", id);
            }
        }

        return Outcome(outcome, id);
    }

    private static async Task<IResult> MessageAsync(
        string id, HttpRequest request, AgentDeskService desk, ICustomerConversationBridge customer, ILogger<AgentDeskService> logger, CancellationToken cancellationToken)
    {
        var (body, error) = await ReadBodyAsync(request, allowEmpty: false, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var text = StringProperty(body, "text")?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return BadRequest("The body needs \"text\": the reply to the customer.");
        }

        if (text.Length > MaxReplyLength)
        {
            return BadRequest($"\"text\" is longer than {MaxReplyLength} characters.");
        }

        // Delivered first; only a delivered reply is recorded on the case.
        var agent = AgentName(request, body);
        var replyable = await desk.ReplyableAsync(id, cancellationToken);
        if (!replyable.Succeeded)
        {
            return Outcome(replyable, id);
        }

        try
        {
            await customer.SendAgentMessageAsync(replyable.Case!, agent, text, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not deliver an agent reply of case {CaseId}", id);
            return Outcome(replyable with { Error = DeskError.DeliveryFailed }, id);
        }

        return Outcome(await desk.RecordAgentReplyAsync(id, agent, text, cancellationToken), id);
    }

    private static async Task<IResult> CloseAsync(
        string id, HttpRequest request, AgentDeskService desk, ICustomerConversationBridge customer, ILogger<AgentDeskService> logger, CancellationToken cancellationToken)
    {
        var (body, error) = await ReadBodyAsync(request, allowEmpty: false, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var resolution = StringProperty(body, "resolution");
        if (resolution is null || !CaseResolutions.All.Contains(resolution))
        {
            return BadRequest($"\"resolution\" must be one of: {string.Join(", ", CaseResolutions.All)}.");
        }

        var note = StringProperty(body, "note");
        if (note?.Length > MaxReplyLength)
        {
            return BadRequest($"\"note\" is longer than {MaxReplyLength} characters.");
        }

        var outcome = await desk.CloseAsync(id, AgentName(request, body), resolution, note, cancellationToken);
        if (outcome.Changed)
        {
            try
            {
                await customer.HandBackAsync(outcome.Case!, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The case is closed either way; the customer's next message finds it closed and the bot answers again.
                logger.LogWarning(ex, "Could not hand the conversation of case {CaseId} back to the bot", id);
            }
        }

        return Outcome(outcome, id);
    }

    private static IResult Outcome(DeskOutcome outcome, string id) => outcome.Error switch
    {
        DeskError.None => Results.Json(new { id, status = outcome.Case!.Status, claimedBy = outcome.Case.ClaimedBy, resolution = outcome.Case.Resolution }),
        DeskError.NotFound => NotFound(id),
        DeskError.ClaimedByOther => Conflict($"Case {id} is held by {outcome.Case!.ClaimedBy}."),
        DeskError.NotClaimed => Conflict($"Claim case {id} before replying."),
        DeskError.Closed => Conflict($"Case {id} is closed."),
        DeskError.DeliveryFailed => Results.Json(new { error = $"The customer's channel could not be reached; the reply to case {id} was not delivered." }, statusCode: StatusCodes.Status502BadGateway),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    private static string AgentName(HttpRequest request, JsonElement? body)
    {
        var name = StringProperty(body, "agent") ?? request.Headers["X-Agent-Name"].ToString();
        name = name.Trim();
        return name.Length is > 0 and <= 64 ? name : "agent";
    }

    private static string? StringProperty(JsonElement? body, string name) =>
        body is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static async Task<(JsonElement? Body, IResult? Error)> ReadBodyAsync(HttpRequest request, bool allowEmpty, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, Results.Json(new { error = $"The body is larger than {MaxBodyBytes} bytes." }, statusCode: StatusCodes.Status413PayloadTooLarge));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                return (null, Results.Json(new { error = $"The body is larger than {MaxBodyBytes} bytes." }, statusCode: StatusCodes.Status413PayloadTooLarge));
            }
        }

        if (buffer.Length == 0)
        {
            return allowEmpty ? (null, null) : (null, BadRequest("A JSON body is required."));
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, BadRequest("The body must be a JSON object."));
            }

            if (HasUnreadableString(document.RootElement))
            {
                return (null, BadRequest("The body has a string that is not valid Unicode (a lone surrogate)."));
            }

            return (document.RootElement.Clone(), null);
        }
        catch (JsonException ex)
        {
            return (null, BadRequest("The body is not valid JSON: " + ex.Message));
        }
    }

    // JSON may escape half of a surrogate pair ("\ud800"); JsonElement.GetString throws on it, so the body is checked
    // once here rather than at every read (depth is capped at 16 above).
    private static bool HasUnreadableString(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                try
                {
                    _ = element.GetString();
                    return false;
                }
                catch (InvalidOperationException)
                {
                    return true;
                }

            case JsonValueKind.Object:
                return element.EnumerateObject().Any(p => HasUnreadableString(p.Value));
            case JsonValueKind.Array:
                return element.EnumerateArray().Any(HasUnreadableString);
            default:
                return false;
        }
    }

    private static IResult BadRequest(string message) => Results.Json(new { error = message }, statusCode: StatusCodes.Status400BadRequest);

    private static IResult Conflict(string message) => Results.Json(new { error = message }, statusCode: StatusCodes.Status409Conflict);

    private static IResult NotFound(string id) =>
        Results.Json(new { error = string.Format(CultureInfo.InvariantCulture, "Case {0} was not found.", id) }, statusCode: StatusCodes.Status404NotFound);
}
