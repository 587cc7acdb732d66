using System.Net;

namespace HelpBot.Platform.Sandbox.State;

/// <summary>
/// A request the sandbox refuses, with the status and error code it answers with. The endpoints turn it into the
/// platform's error body; C# callers of <see cref="SandboxPlatformState"/> see it directly.
/// </summary>
public sealed class SandboxRequestException : Exception
{
    public SandboxRequestException(HttpStatusCode statusCode, string code, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
    }

    public HttpStatusCode StatusCode { get; }

    public string Code { get; }

    internal static SandboxRequestException Invalid(string message) =>
        new(HttpStatusCode.BadRequest, Errors.PlatformErrorCodes.InvalidRequest, message);
}
