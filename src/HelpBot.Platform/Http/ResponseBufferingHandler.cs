namespace HelpBot.Platform.Http;

/// <summary>
/// Reads each platform response's whole body, at most <c>maxBytes</c>, before the response leaves the attempt. Sitting
/// inside the resilience pipeline, the attempt timeout then covers the body as well as the headers (a body that drips
/// after its headers is cut off), and an oversized body fails the attempt instead of being read into memory whole.
/// A success without a body fails too: every platform API answers with an object, and Refit would turn an empty body
/// into a null result without asking the serializer (<see cref="NonNullContentSerializer"/> catches a literal null).
/// All of these reach callers as <see cref="Errors.PlatformUnavailableException"/>.
/// </summary>
internal sealed class ResponseBufferingHandler(long maxBytes) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            // Throws HttpRequestException beyond maxBytes (at once when Content-Length already says so).
            await response.Content.LoadIntoBufferAsync(maxBytes, cancellationToken).ConfigureAwait(false);
            // Once buffered, the content's length is the buffer's, with or without a Content-Length header.
            if (response.IsSuccessStatusCode && response.Content.Headers.ContentLength == 0)
            {
                throw new HttpRequestException($"The platform answered {(int)response.StatusCode} with an empty body.");
            }

            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
