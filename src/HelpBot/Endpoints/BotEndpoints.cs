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
        endpoints.MapPost("/api/messages", async (HttpContext http, ActivityRequestValidator validator, DevelopmentServiceUrlPolicy serviceUrls, HelpBotAdapter adapter, IBot bot) =>
        {
            var (activity, problem) = await validator.ValidateAsync(http.Request, http.RequestAborted);
            if (problem is not null)
            {
                return problem;
            }

            if (!serviceUrls.Allows(activity!.ServiceUrl))
            {
                return Results.Json(
                    new { error = new { code = "ServiceUrlNotAllowed", message = "In development mode the bot replies only to a loopback serviceUrl or one configured in HelpBot:DevelopmentMode:ServiceUrls." } },
                    statusCode: StatusCodes.Status403Forbidden);
            }

            await adapter.ProcessAsync(http.Request, http.Response, activity!, bot, http.RequestAborted);
            return Results.Empty;
        });
        return endpoints;
    }
}
