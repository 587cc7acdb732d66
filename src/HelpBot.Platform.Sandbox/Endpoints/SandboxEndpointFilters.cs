using System.Net;
using HelpBot.Platform.Errors;
using HelpBot.Platform.Sandbox.State;
using Microsoft.AspNetCore.Http;

namespace HelpBot.Platform.Sandbox.Endpoints;

/// <summary>Turns refusals into the platform's error body.</summary>
internal sealed class SandboxErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (SandboxRequestException ex)
        {
            return SandboxResults.Error(ex.StatusCode, ex.Code, ex.Message);
        }
        catch (BadHttpRequestException ex)
        {
            // E.g. a body over Kestrel's size limit.
            return SandboxResults.Error((HttpStatusCode)ex.StatusCode, PlatformErrorCodes.InvalidRequest, ex.Message);
        }
    }
}

/// <summary>Applies the admin-configured delay or failure to platform routes, before anything else happens.</summary>
internal sealed class SandboxFaultFilter(SandboxPlatformState state) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var fault = state.MatchFault(http.Request.Path.Value ?? string.Empty);
        if (fault is null)
            return await next(context);

        if (fault.DelayMs is { } delayMs)
        {
            try
            {
                // Wall-clock on purpose: the slowness is what the client's timeouts see, whatever clock the data uses.
                await Task.Delay(delayMs, http.RequestAborted);
            }
            catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
            {
                // The client gave up (its timeout fired); nobody reads this response.
                return Results.Empty;
            }
        }

        if (fault.StatusCode is { } status)
        {
            var code = status >= 500 ? PlatformErrorCodes.Unavailable : PlatformErrorCodes.Unknown;
            return SandboxResults.Error((HttpStatusCode)status, code, $"Sandbox fault {fault.Id} injected for {fault.PathPrefix}.");
        }

        return await next(context);
    }
}

/// <summary>Requires <c>Authorization: Bearer {key}</c> on platform routes when the sandbox has a key configured.</summary>
internal sealed class SandboxApiKeyFilter(string apiKey) : IEndpointFilter
{
    private readonly string _expected = "Bearer " + apiKey;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var given = context.HttpContext.Request.Headers.Authorization.ToString();
        if (!string.Equals(given, _expected, StringComparison.Ordinal))
        {
            return SandboxResults.Error(HttpStatusCode.Unauthorized, PlatformErrorCodes.Unauthorized,
                given.Length == 0 ? "A bearer token is required." : "The bearer token is not valid.");
        }

        return await next(context);
    }
}
