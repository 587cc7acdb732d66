using HelpBot.Channels.DirectLine.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace HelpBot.Channels.DirectLine.Api;

/// <summary>Serves stored files so that user-supplied content cannot run as a page of this origin.</summary>
internal static class AttachmentDownloads
{
    public static async Task WriteAsync(HttpResponse response, StoredAttachment attachment)
    {
        var inline = attachment.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
            && !attachment.ContentType.Contains("svg", StringComparison.OrdinalIgnoreCase);
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(attachment.Name);

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = MediaTypeHeaderValue.TryParse(attachment.ContentType, out _) ? attachment.ContentType : "application/octet-stream";
        response.ContentLength = attachment.Content.Length;
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        response.Headers.CacheControl = "private, max-age=3600";
        await response.Body.WriteAsync(attachment.Content);
    }
}
