using Microsoft.AspNetCore.Http;

namespace HelpBot.AgentDesk.Api;

/// <summary>401 with a JSON message unless the request carries "Authorization: Bearer {a configured token}".</summary>
public sealed class AgentAuthFilter(AgentTokens tokens) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        var token = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
        if (!tokens.IsValid(token))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Json(new { error = "A valid agent token is required: Authorization: Bearer <token>." }, statusCode: StatusCodes.Status401Unauthorized);
        }

        return await next(context);
    }
}
