using Microsoft.AspNetCore.Http;

namespace HelpBot.Channels.DirectLine.Serialization;

/// <summary>A request the channel refuses, answered as {"error": {"code", "message"}} like the real service.</summary>
public sealed class DirectLineException : Exception
{
    public DirectLineException(int statusCode, string code, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
    }

    public DirectLineException()
        : this(StatusCodes.Status400BadRequest, "BadArgument", "Bad request.")
    {
    }

    public DirectLineException(string message)
        : this(StatusCodes.Status400BadRequest, "BadArgument", message)
    {
    }

    public DirectLineException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = StatusCodes.Status400BadRequest;
        Code = "BadArgument";
    }

    public int StatusCode { get; }

    /// <summary>Error code from the Direct Line 3.0 vocabulary (BadArgument, MissingProperty, TokenExpired, ...).</summary>
    public string Code { get; }

    public static DirectLineException BadArgument(string message) => new(StatusCodes.Status400BadRequest, "BadArgument", message);

    public static DirectLineException MissingProperty(string message) => new(StatusCodes.Status400BadRequest, "MissingProperty", message);

    public static DirectLineException Forbidden(string message) => new(StatusCodes.Status403Forbidden, "BadArgument", message);

    public static DirectLineException TokenExpired() => new(StatusCodes.Status403Forbidden, "TokenExpired", "Token expired.");

    public static DirectLineException NotFound(string message) => new(StatusCodes.Status404NotFound, "BadArgument", message);

    public static DirectLineException TooLarge(string message) => new(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", message);

    public static DirectLineException UnsupportedMediaType(string message) => new(StatusCodes.Status415UnsupportedMediaType, "BadArgument", message);
}
