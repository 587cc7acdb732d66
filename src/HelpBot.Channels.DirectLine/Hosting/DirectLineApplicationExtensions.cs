using HelpBot.Channels.DirectLine.Api;
using HelpBot.Channels.DirectLine.Configuration;
using HelpBot.Channels.DirectLine.Security;
using HelpBot.Channels.DirectLine.Streaming;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HelpBot.Channels.DirectLine.Hosting;

public static class DirectLineApplicationExtensions
{
    /// <summary>Path of the client-facing Direct Line 3.0 API (the "domain" clients are given).</summary>
    public const string ClientApiPath = "/v3/directline";

    /// <summary>
    /// Maps the client-facing API under /v3/directline, the bot-facing connector API under DirectLine:BotApiPath and the
    /// attachment downloads under DirectLine:AttachmentsPath. The host adds <c>app.UseWebSockets()</c> to its request
    /// pipeline for the stream endpoint.
    /// </summary>
    public static WebApplication MapEmbeddedDirectLine(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<DirectLineOptions>>().Value;
        // Resolve now so a generated development secret is logged at start-up rather than on first use.
        app.Services.GetRequiredService<DirectLineSecret>();

        var client = app.MapGroup(ClientApiPath);
        Map(client, "POST", "/tokens/generate", (DirectLineClientApi api) => api.GenerateTokenAsync);
        Map(client, "POST", "/tokens/refresh", (DirectLineClientApi api) => api.RefreshTokenAsync);
        Map(client, "POST", "/conversations", (DirectLineClientApi api) => api.StartConversationAsync);
        Map(client, "GET", "/conversations/{conversationId}", (DirectLineClientApi api) => api.ReconnectAsync);
        Map(client, "POST", "/conversations/{conversationId}/activities", (DirectLineClientApi api) => api.PostActivityAsync);
        Map(client, "GET", "/conversations/{conversationId}/activities", (DirectLineClientApi api) => api.GetActivitiesAsync);
        Map(client, "POST", "/conversations/{conversationId}/upload", (DirectLineUploadApi api) => api.UploadAsync);
        Map(client, "GET", "/conversations/{conversationId}/stream", (DirectLineStreamEndpoint api) => api.StreamAsync);

        var bot = app.MapGroup(options.BotApiPath.TrimEnd('/') + "/v3");
        Map(bot, "POST", "/conversations/{conversationId}/activities", (BotConnectorApi api) => api.SendActivityAsync);
        Map(bot, "POST", "/conversations/{conversationId}/activities/{activityId}", (BotConnectorApi api) => api.SendActivityAsync);
        Map(bot, "PUT", "/conversations/{conversationId}/activities/{activityId}", (BotConnectorApi api) => api.RefuseActivityChangeAsync);
        Map(bot, "DELETE", "/conversations/{conversationId}/activities/{activityId}", (BotConnectorApi api) => api.RefuseActivityChangeAsync);
        Map(bot, "POST", "/conversations/{conversationId}/attachments", (BotConnectorApi api) => api.UploadAttachmentAsync);
        Map(bot, "GET", "/attachments/{attachmentId}", (BotConnectorApi api) => api.GetAttachmentInfoAsync);
        Map(bot, "GET", "/attachments/{attachmentId}/views/{viewId}", (BotConnectorApi api) => api.GetAttachmentViewAsync);

        Map(app, "GET", options.AttachmentsPath.TrimEnd('/') + "/{attachmentId}", (BotConnectorApi api) => api.DownloadAsync);
        return app;
    }

    private static void Map<TApi>(IEndpointRouteBuilder routes, string method, string pattern, Func<TApi, Func<HttpContext, Task>> handler)
        where TApi : notnull
    {
        routes.MapMethods(pattern, [method], DirectLineRequests.Guard(context => handler(context.RequestServices.GetRequiredService<TApi>())(context)));
    }
}
