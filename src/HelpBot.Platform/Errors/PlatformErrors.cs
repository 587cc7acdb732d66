using System.Net;

namespace HelpBot.Platform.Errors;

/// <summary>The error body every platform API returns with a non-success status: <c>{"code": "...", "message": "..."}</c>.</summary>
public sealed record PlatformErrorBody(string Code, string Message);

public static class PlatformErrorCodes
{
    public const string InvalidRequest = "invalid_request";
    public const string UserNotFound = "user_not_found";
    public const string OrderNotFound = "order_not_found";
    public const string OrderNotCancellable = "order_not_cancellable";
    public const string OrderNotChangeable = "order_not_changeable";
    public const string Unavailable = "unavailable";

    /// <summary>401: the bearer token is missing or wrong. (Added with the sandbox, which enforces a configured key.)</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>404 for a path that is no route at all, as opposed to an unknown order or user.</summary>
    public const string NotFound = "not_found";

    public const string Unknown = "unknown";
}

/// <summary>The platform answered with an error. <see cref="Code"/> is one of <see cref="PlatformErrorCodes"/>.</summary>
public class PlatformApiException : Exception
{
    public PlatformApiException(HttpStatusCode statusCode, string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Code = code;
    }

    public HttpStatusCode StatusCode { get; }

    public string Code { get; }

    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;
}

/// <summary>The platform could not be reached, timed out, answered 5xx, or the circuit breaker is open.</summary>
public sealed class PlatformUnavailableException : Exception
{
    public PlatformUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
