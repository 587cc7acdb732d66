namespace HelpBot.Platform.Http;

/// <summary>
/// Reads each platform response's whole body, at most <c>maxBytes</c>, before the response leaves the attempt. Sitting
/// inside the resilience pipeline, the attempt timeout then covers the body as well as the headers (a body that drips
/// after its headers is cut off), and an oversized body fails the attempt instead of being read into memory whole.
/// Both failures reach callers as <see cref="Errors.PlatformUnavailableException"/>.
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
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
