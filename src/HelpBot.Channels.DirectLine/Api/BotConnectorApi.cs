using System.Net;
using HelpBot.Channels.DirectLine.Configuration;
using HelpBot.Channels.DirectLine.Conversations;
using HelpBot.Channels.DirectLine.Serialization;
using HelpBot.Channels.DirectLine.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace HelpBot.Channels.DirectLine.Api;

/// <summary>
/// The bot-facing subset of the Bot Connector REST API that the Bot Framework SDK's ConnectorClient uses to talk
/// back: send and reply to activities, upload and read attachments. It serves the bot at the activities' serviceUrl.
/// </summary>
public sealed class BotConnectorApi
{
    private readonly DirectLineConversations _conversations;
    private readonly IDirectLineAttachmentStore _attachments;
    private readonly DirectLineOptions _options;

    public BotConnectorApi(
        DirectLineConversations conversations,
        IDirectLineAttachmentStore attachments,
        IOptions<DirectLineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _conversations = conversations;
        _attachments = attachments;
        _options = options.Value;
    }

    /// <summary>
    /// The connector has no credentials here (the embedded channel runs without a Microsoft app id), so it only
    /// listens to callers on this machine unless DirectLine:AllowRemoteBot is set.
    /// </summary>
    public void EnsureCallerAllowed(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var remote = context.Connection.RemoteIpAddress;
        if (!_options.AllowRemoteBot && remote is not null && !IPAddress.IsLoopback(remote))
            throw new DirectLineException(StatusCodes.Status403Forbidden, "Forbidden", "The bot connector API accepts local callers only.");
    }

    /// <summary>POST v3/conversations/{conversationId}/activities[/{activityId}]: send or reply.</summary>
    public async Task SendActivityAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        EnsureCallerAllowed(context);
        var conversationId = DirectLineRequests.RouteValue(context, "conversationId");
        var replyToId = context.Request.RouteValues["activityId"] as string;
        var json = await DirectLineJson.ReadBodyAsync(context.Request, _options.MaxActivityBytes, context.RequestAborted);
        var activity = DirectLineJson.Deserialize<Activity>(json);

        var stored = await _conversations.PostFromBotAsync(conversationId, activity, replyToId, context.RequestAborted);
        await DirectLineJson.WriteAsync(context.Response, StatusCodes.Status200OK, new ResourceResponse(stored.Id));
    }

    /// <summary>PUT and DELETE of activities: Direct Line clients have no way to learn of edits, so they are refused.</summary>
    public Task RefuseActivityChangeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        EnsureCallerAllowed(context);
        throw new DirectLineException(StatusCodes.Status405MethodNotAllowed, "NotSupported", "The embedded Direct Line channel does not update or delete activities.");
    }

    /// <summary>POST v3/conversations/{conversationId}/attachments: stores AttachmentData, answers {"id"}.</summary>
    public async Task UploadAttachmentAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        EnsureCallerAllowed(context);
        var conversationId = DirectLineRequests.RouteValue(context, "conversationId");
        await _conversations.GetAsync(conversationId, context.RequestAborted);
        // Base64 inflates by 4/3.
        var limit = (int)Math.Min(int.MaxValue, _options.MaxUploadFileBytes * 4 / 3 + 64 * 1024);
        var json = await DirectLineJson.ReadBodyAsync(context.Request, limit, context.RequestAborted);
        var data = DirectLineJson.Deserialize<AttachmentData>(json);
        if (data.OriginalBase64 is not { Length: > 0 })
            throw DirectLineException.MissingProperty("originalBase64 is required.");
        if (data.OriginalBase64.Length > _options.MaxUploadFileBytes)
            throw DirectLineException.TooLarge($"Attachments are limited to {_options.MaxUploadFileBytes} bytes.");

        var stored = await _attachments.AddAsync(conversationId, data.Name ?? "attachment", data.Type ?? "application/octet-stream", data.OriginalBase64, context.RequestAborted);
        await DirectLineJson.WriteAsync(context.Response, StatusCodes.Status200OK, new ResourceResponse(stored.Id));
    }

    /// <summary>GET v3/attachments/{attachmentId}: the AttachmentInfo with its single "original" view.</summary>
    public async Task GetAttachmentInfoAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var attachment = await FindAsync(context);
        var info = new AttachmentInfo(attachment.Name, attachment.ContentType, [new AttachmentView("original", attachment.Content.Length)]);
        await DirectLineJson.WriteAsync(context.Response, StatusCodes.Status200OK, info);
    }

    /// <summary>GET v3/attachments/{attachmentId}/views/{viewId}: the bytes ("original"; "thumbnail" is the same file).</summary>
    public async Task GetAttachmentViewAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var viewId = DirectLineRequests.RouteValue(context, "viewId");
        if (viewId is not ("original" or "thumbnail"))
            throw DirectLineException.NotFound("Attachment view not found.");
        await AttachmentDownloads.WriteAsync(context.Response, await FindAsync(context));
    }

    /// <summary>GET {AttachmentsPath}/{attachmentId}: the contentUrl of uploaded files, for clients and the bot.</summary>
    public async Task DownloadAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await AttachmentDownloads.WriteAsync(context.Response, await FindAsync(context));
    }

    private async Task<StoredAttachment> FindAsync(HttpContext context) =>
        await _attachments.FindAsync(DirectLineRequests.RouteValue(context, "attachmentId"), context.RequestAborted)
            ?? throw DirectLineException.NotFound("Attachment not found.");
}
