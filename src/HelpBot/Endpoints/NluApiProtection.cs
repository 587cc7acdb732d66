using System.Threading.RateLimiting;
using HelpBot.AgentDesk.Api;
using HelpBot.Language.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace HelpBot.Endpoints;

/// <summary>
/// POST /api/nlu/parse in production: the operator token (<see cref="AgentTokens"/>, checked by
/// <see cref="AgentAuthFilter"/>) and a fixed-window limit (<see cref="NluApiOptions"/>, ASP.NET Core rate limiting).
/// Without either, anyone could keep both cores busy recognising long messages.
/// </summary>
public static class NluApiProtection
{
    private const string PolicyName = "nlu";

    public static IServiceCollection AddNluApiRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(NluApiOptions.SectionName).Get<NluApiOptions>() ?? new NluApiOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = static (rejected, cancellationToken) =>
                new ValueTask(rejected.HttpContext.Response.WriteAsJsonAsync(
                    new { error = "Too many NLU requests; try again later." }, cancellationToken));
            // Requests without a valid token are not counted (the filter refuses them before any parsing), so they
            // cannot use up the operators' budget.
            limiter.AddPolicy(PolicyName, http => HasOperatorToken(http)
                ? RateLimitPartition.GetFixedWindowLimiter(PolicyName, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, options.PermitLimit),
                    Window = options.Window > TimeSpan.Zero ? options.Window : TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("unauthenticated"));
        });
        return services;
    }

    /// <summary>Maps the NLU API with the token check and the limit (call UseRateLimiter before the endpoints).</summary>
    public static void MapProtectedNluEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapNluEndpoints().AddEndpointFilter<AgentAuthFilter>().RequireRateLimiting(PolicyName);
    }

    private static bool HasOperatorToken(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            && http.RequestServices.GetRequiredService<AgentTokens>().IsValid(header[scheme.Length..].Trim());
    }
}
