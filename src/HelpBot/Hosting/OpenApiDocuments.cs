using HelpBot.Endpoints;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HelpBot.Hosting;

/// <summary>
/// OpenAPI documents of the APIs other programs call, built by ASP.NET Core's own generator from the endpoints as
/// mapped (so they cannot drift from the code): GET /openapi/agent.json (the agent desk API), /openapi/nlu.json
/// (language understanding) and /openapi/ops.json (health probes). The bot's channel endpoint and the embedded Direct
/// Line follow the Bot Framework's published protocols and are left out.
/// </summary>
public static class OpenApiDocuments
{
    public const string Agent = "agent";
    public const string Nlu = "nlu";
    public const string Ops = "ops";

    /// <summary>Route of the documents; {documentName} is one of the names above.</summary>
    public const string Route = "/openapi/{documentName}.json";

    public static IServiceCollection AddHelpBotOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(Agent, options =>
        {
            options.ShouldInclude = description => IsUnder(description.RelativePath, "api/agent/");
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo { Title = "HelpBot agent desk API", Version = "v1", Description = "Escalated cases: list, read, claim, reply, close. Bearer token from AgentDesk:Tokens." };
                return Task.CompletedTask;
            });
        });
        services.AddOpenApi(Nlu, options =>
        {
            options.ShouldInclude = description => IsUnder(description.RelativePath, "api/nlu/");
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo { Title = "HelpBot language understanding API", Version = "v1", Description = "POST /api/nlu/parse {\"text\", \"locale\"}: intent, score, entities." };
                return Task.CompletedTask;
            });
        });
        services.AddOpenApi(Ops, options =>
        {
            options.ShouldInclude = description => IsUnder(description.RelativePath, "api/ops/");
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo { Title = "HelpBot operations API", Version = "v1", Description = "Liveness and readiness probes." };
                // The health endpoints are health-check middleware, not route handlers, so the generator does not
                // see them; they are described here (HealthEndpoints holds what they answer).
                document.Paths ??= [];
                document.Paths.Add(HealthEndpoints.LivenessPath, Probe("Liveness: the process serves HTTP; no dependency is checked.", readiness: false));
                document.Paths.Add(HealthEndpoints.ReadinessPath, Probe("Readiness: Redis (when configured) and the platform. 503 when one is unhealthy, 200 when healthy or degraded.", readiness: true));
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static WebApplication MapHelpBotOpenApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi(Route);
        return app;
    }

    private static bool IsUnder(string? relativePath, string prefix) =>
        relativePath is not null && (relativePath + "/").StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    private static OpenApiPathItem Probe(string summary, bool readiness)
    {
        var responses = new OpenApiResponses
        {
            ["200"] = new OpenApiResponse { Description = "{\"status\": \"Healthy\"|\"Degraded\", \"checks\": {name: {status, description, durationMs}}}" },
        };
        if (readiness)
        {
            responses["503"] = new OpenApiResponse { Description = "{\"status\": \"Unhealthy\", \"checks\": …}: a dependency is down; take the instance out of rotation." };
        }

        return new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = new OpenApiOperation { Summary = summary, Responses = responses },
            },
        };
    }
}
