using HelpBot.Bot;
using HelpBot.SdkWorkarounds;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;

namespace HelpBot.Endpoints;

public static class BotEndpoints
{
    /// <summary>POST /api/messages: the Bot Framework messaging endpoint, behind <see cref="ActivityRequestValidator"/>.</summary>
    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", async (HttpContext http, ActivityRequestValidator validator, HelpBotAdapter adapter, IBot bot) =>
        {
            var (activity, problem) = await validator.ValidateAsync(http.Request, http.RequestAborted);
            if (problem is not null)
            {
                return problem;
            }

            await adapter.ProcessAsync(http.Request, http.Response, activity!, bot, http.RequestAborted);
            return Results.Empty;
        });
        return endpoints;
    }
}
