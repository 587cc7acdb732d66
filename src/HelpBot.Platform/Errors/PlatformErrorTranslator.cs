using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace HelpBot.Platform.Errors;

/// <summary>
/// Turns everything that can go wrong on a platform call into the two exception types callers handle:
/// <see cref="PlatformApiException"/> (the platform refused the request) and <see cref="PlatformUnavailableException"/>
/// (it could not answer). Plugged into Refit's exception hooks, so Refit's own exception types never escape.
/// </summary>
internal static class PlatformErrorTranslator
{
    /// <summary>Refit's <c>ExceptionFactory</c>: a non-success response, after the resilience pipeline gave up.</summary>
    public static async ValueTask<Exception?> FromResponseAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
            return null;

        var status = response.StatusCode;
        var body = await TryReadErrorBodyAsync(response).ConfigureAwait(false);
        var code = string.IsNullOrWhiteSpace(body?.Code) ? PlatformErrorCodes.Unknown : body.Code;
        var message = string.IsNullOrWhiteSpace(body?.Message)
            ? $"The platform answered {(int)status} {response.ReasonPhrase} without an error message."
            : body.Message;

        // The platform refused this request only when it said why in its own error body ({"code", "message"}) with a
        // 4xx that is about the request. Everything else is the platform (or what stands in front of it) not serving
        // us: 5xx, "not now" (408, 429), our credentials refused (401, 403, 407), a redirect, or a status without the
        // platform's error body (a proxy's HTML page, an empty 400). Callers apologise for those; they never mean
        // "no such order".
        var refusedThisRequest = (int)status is >= 400 and < 500
            && status is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
                or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.ProxyAuthenticationRequired)
            && !string.IsNullOrWhiteSpace(body?.Code);
        if (!refusedThisRequest)
        {
            return new PlatformUnavailableException(
                $"The platform answered {(int)status} ({code}) for {Describe(response.RequestMessage)}: {message}");
        }

        return new PlatformApiException(status, code, message);
    }

    /// <summary>Refit's <c>DeserializationExceptionFactory</c>: a success status with a body we cannot read.</summary>
    public static ValueTask<Exception?> FromUnreadableBody(HttpResponseMessage response, Exception exception) =>
        ValueTask.FromResult<Exception?>(new PlatformUnavailableException(
            $"The platform answered {Describe(response.RequestMessage)} with a body that could not be read.", exception));

    /// <summary>
    /// Refit's <c>TransportExceptionFactory</c>: no response at all. Cancellation through the caller's own token stays an
    /// <see cref="OperationCanceledException"/>; everything else (network errors, Polly's timeouts, the open breaker) is
    /// unavailability.
    /// </summary>
    public static Exception FromTransportFailure(HttpRequestMessage request, Exception exception, CancellationToken callerToken)
    {
        if (exception is OperationCanceledException && callerToken.IsCancellationRequested)
            return exception;

        var what = exception switch
        {
            BrokenCircuitException => "was not attempted because the circuit breaker is open after repeated failures",
            TimeoutRejectedException => "timed out",
            HttpRequestException => "could not reach the platform",
            OperationCanceledException => "was cancelled before the platform answered",
            _ => "failed",
        };
        return new PlatformUnavailableException($"The platform call {Describe(request)} {what}.", exception);
    }

    private static async Task<PlatformErrorBody?> TryReadErrorBodyAsync(HttpResponseMessage response)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<PlatformErrorBody>(PlatformJson.Options).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or HttpRequestException or IOException)
        {
            // A proxy's HTML error page or an empty body: the status code alone has to do.
            return null;
        }
    }

    private static string Describe(HttpRequestMessage? request) =>
        request is null ? "(unknown request)" : $"{request.Method} {request.RequestUri?.AbsolutePath}";
}
