using HelpBot.Channels.DirectLine.Configuration;
using HelpBot.Channels.DirectLine.Conversations;
using HelpBot.Channels.DirectLine.Delivery;
using HelpBot.Channels.DirectLine.Security;
using HelpBot.Channels.DirectLine.Serialization;
using HelpBot.Channels.DirectLine.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace HelpBot.Channels.DirectLine.Api;

/// <summary>
/// POST conversations/{id}/upload?userId=: a multipart body of files plus an optional "activity" part (the template
/// activity). Files are stored and become attachments whose contentUrl is on the channel's attachment host.
/// </summary>
public sealed class DirectLineUploadApi
{
    private const string ActivityPartName = "activity";
    private readonly DirectLineAuthenticator _authenticator;
    private readonly DirectLineConversations _conversations;
    private readonly IDirectLineAttachmentStore _attachments;
    private readonly DirectLineChannelUrls _urls;
    private readonly DirectLineOptions _options;

    public DirectLineUploadApi(
        DirectLineAuthenticator authenticator,
        DirectLineConversations conversations,
        IDirectLineAttachmentStore attachments,
        DirectLineChannelUrls urls,
        IOptions<DirectLineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _authenticator = authenticator;
        _conversations = conversations;
        _attachments = attachments;
        _urls = urls;
        _options = options.Value;
    }

    public async Task UploadAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = _authenticator.Authenticate(context.Request);
        var conversationId = DirectLineRequests.RouteValue(context, "conversationId");
        caller.EnsureMayAccess(conversationId);
        await _conversations.GetAsync(conversationId, context.RequestAborted);

        var boundary = ReadBoundary(context.Request);
        // Multipart framing adds a little to the files themselves.
        var requestLimit = _options.MaxUploadTotalBytes + _options.MaxActivityBytes + 64 * 1024;
        if (context.Request.ContentLength > requestLimit)
            throw DirectLineException.TooLarge($"Uploads are limited to {_options.MaxUploadTotalBytes} bytes in all.");
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            sizeFeature.MaxRequestBodySize = requestLimit;

        var (template, files) = await ReadPartsAsync(context, boundary);
        if (files.Count == 0 && template is null)
            throw DirectLineException.MissingProperty("The upload contains no file.");

        var activity = template ?? new Activity();
        if (string.IsNullOrWhiteSpace(activity.Type))
            activity.Type = ActivityTypes.Message;

        // Template entries without contentUrl or content are the placeholders of the uploaded files.
        var attachments = (activity.Attachments ?? []).Where(a => a.ContentUrl is not null || a.Content is not null).ToList();
        foreach (var (name, contentType, content) in files)
        {
            var stored = await _attachments.AddAsync(conversationId, name, contentType, content, context.RequestAborted);
            attachments.Add(new Attachment(contentType, _urls.AttachmentUrl(stored.Id).AbsoluteUri, name: name));
        }

        activity.Attachments = attachments;
        var requestedUserId = context.Request.Query["userId"].ToString() is { Length: > 0 } userId ? userId : null;
        var posted = await _conversations.PostFromUserAsync(caller, conversationId, activity, requestedUserId, context.RequestAborted);
        await DirectLineJson.WriteAsync(context.Response, StatusCodes.Status200OK, new ResourceResponse(posted.Id));
    }

    private async Task<(Activity? Template, List<(string Name, string ContentType, byte[] Content)> Files)> ReadPartsAsync(HttpContext context, string boundary)
    {
        Activity? template = null;
        var files = new List<(string Name, string ContentType, byte[] Content)>();
        long total = 0;
        var reader = new MultipartReader(boundary, context.Request.Body);
        try
        {
            while (await reader.ReadNextSectionAsync(context.RequestAborted) is { } section)
            {
                ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition);
                var partName = HeaderUtilities.RemoveQuotes(disposition?.Name ?? default).ToString();
                var fileName = HeaderUtilities.RemoveQuotes(disposition?.FileNameStar.HasValue == true ? disposition.FileNameStar : disposition?.FileName ?? default).ToString();

                if (string.Equals(partName, ActivityPartName, StringComparison.OrdinalIgnoreCase) && template is null)
                {
                    var json = await ReadTextAsync(section.Body, _options.MaxActivityBytes, context.RequestAborted);
                    template = DirectLineJson.Deserialize<Activity>(json);
                    continue;
                }

                var content = await ReadCappedAsync(section.Body, _options.MaxUploadFileBytes, context.RequestAborted);
                total += content.Length;
                if (total > _options.MaxUploadTotalBytes)
                    throw DirectLineException.TooLarge($"Uploads are limited to {_options.MaxUploadTotalBytes} bytes in all.");
                var name = fileName.Length > 0 ? Path.GetFileName(fileName) : (partName.Length > 0 ? partName : "file");
                files.Add((name, section.ContentType ?? "application/octet-stream", content));
            }
        }
        catch (IOException ex) when (ex is not BadHttpRequestException && !context.RequestAborted.IsCancellationRequested)
        {
            // MultipartReader reports a body that ends before its closing boundary this way.
            throw DirectLineException.BadArgument($"The multipart body is malformed: {ex.Message}");
        }

        return (template, files);
    }

    private static string ReadBoundary(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            throw DirectLineException.UnsupportedMediaType("Uploads must be multipart/form-data.");
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).ToString();
        return boundary.Length is > 0 and <= 200
            ? boundary
            : throw DirectLineException.BadArgument("The multipart boundary is missing or too long.");
    }

    private static async Task<string> ReadTextAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        var bytes = await ReadCappedAsync(body, maxBytes, cancellationToken);
        return System.Text.Encoding.UTF8.GetString(bytes);
    }

    private static async Task<byte[]> ReadCappedAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                throw DirectLineException.TooLarge($"A part of the upload exceeds {maxBytes} bytes.");
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
