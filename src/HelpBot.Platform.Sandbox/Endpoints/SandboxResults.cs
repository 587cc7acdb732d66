using System.Net;
using HelpBot.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace HelpBot.Platform.Sandbox.Endpoints;

/// <summary>Responses in the platform's wire format.</summary>
internal static class SandboxResults
{
    public static IResult Ok<T>(T value) => Results.Json(value, PlatformJson.Options);

    public static IResult Created<T>(T value) => Results.Json(value, PlatformJson.Options, statusCode: StatusCodes.Status201Created);

    public static IResult Error(HttpStatusCode status, string code, string message) =>
        Results.Json(new PlatformErrorBody(code, message), PlatformJson.Options, statusCode: (int)status);
}
