using HelpBot.Channels.DirectLine.Configuration;
using HelpBot.Channels.DirectLine.Conversations;
using HelpBot.Channels.DirectLine.Delivery;
using HelpBot.Channels.DirectLine.Security;
using HelpBot.Channels.DirectLine.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace HelpBot.Channels.DirectLine.Api;

/// <summary>The client-facing Direct Line 3.0 REST API (tokens, conversations, activities).</summary>
public sealed class DirectLineClientApi
{
    private readonly DirectLineAuthenticator _authenticator;
    private readonly DirectLineTokenService _tokens;
    private readonly DirectLineConversations _conversations;
    private readonly DirectLineChannelUrls _urls;
    private readonly DirectLineOptions _options;

    public DirectLineClientApi(
        DirectLineAuthenticator authenticator,
        DirectLineTokenService tokens,
        DirectLineConversations conversations,
        DirectLineChannelUrls urls,
        IOptions<DirectLineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _authenticator = authenticator;
        _tokens = tokens;
        _conversations = conversations;
        _urls = urls;
        _options = options.Value;
    }

    /// <summary>POST tokens/generate (secret only): a token bound to a new conversation id and to the given or a random user.</summary>
    public async Task GenerateTokenAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = _authenticator.Authenticate(context.Request);
        if (!caller.IsSecretHolder)
            throw DirectLineException.Forbidden("tokens/generate requires the Direct Line secret.");

        var body = await ReadOptionalAsync<TokenRequest>(context);
        var userId = DirectLineConversations.ValidateUserId(body?.User?.Id);
        var issued = _tokens.Issue(DirectLineConversations.NewConversationId(), userId);
        await DirectLineJson.WriteAsync(context.Response, StatusCodes.Status200OK, ToResponse(issued, streamUrl: null));
    }

    /// <summary>POST tokens/refresh (token only): the same grant with a fresh expiry.</summary>
    public async Task RefreshTokenAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = _authenticator.Authenticate(context.Request);
        if (caller.Token is not { } claims)
            throw DirectLineException.Forbidden("tokens/refresh requires a token, not the secret.");

        var issued = _tokens.Issue(claims.ConversationId, claims.UserId);
        await DirectLineJson.WriteAsync(context.Response, StatusCodes.Status200OK, ToResponse(issued, streamUrl: null));
    }

    /// <summary>POST conversations: starts the token's conversation, or with the secret a new one for body.user.id.</summary>
    public async Task StartConversationAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = _authenticator.Authenticate(context.Request);
        var body = await ReadOptionalAsync<TokenRequest>(context);
        var (conversationId, userId) = caller.Token is { } claims
            ? (claims.ConversationId, claims.UserId)
            : (DirectLineConversations.NewConversationId(), DirectLineConversations.ValidateUserId(body?.User?.Id));

        var start = await _conversations.StartAsync(conversationId, userId, body?.Locale, context.RequestAborted);
        var issued = _tokens.Issue(conversationId, start.Conversation.UserId);
        var streamUrl = _urls.StreamUrl(context.Request, conversationId, issued.Token, watermark: null);
        await DirectLineJson.WriteAsync(
            context.Response,
            start.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK,
            ToResponse(issued, streamUrl.AbsoluteUri));
    }

    /// <summary>GET conversations/{id}?watermark=: reconnect, with a fresh token and streamUrl.</summary>
    public async Task ReconnectAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = _authenticator.Authenticate(context.Request);
        var conversationId = DirectLineRequests.RouteValue(context, "conversationId");
        caller.EnsureMayAccess(conversationId);
        var watermark = DirectLineRequests.Watermark(context.Request);
        var conversation = await _conversations.GetAsync(conversationId, context.RequestAborted);

        var issued = _tokens.Issue(conversationId, caller.Token?.UserId ?? conversation.UserId);
        var streamUrl = _urls.StreamUrl(context.Request, conversationId, issued.Token, watermark > 0 ? context.Request.Query["watermark"].ToString() : null);
        await DirectLineJson.WriteAsync(context.Response, StatusCodes.Status200OK, ToResponse(issued, streamUrl.AbsoluteUri));
    }

    /// <summary>POST conversations/{id}/activities: sends an activity to the bot; answers {"id"}.</summary>
    public async Task PostActivityAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = _authenticator.Authenticate(context.Request);
        var conversationId = DirectLineRequests.RouteValue(context, "conversationId");
        caller.EnsureMayAccess(conversationId);
        var json = await DirectLineJson.ReadBodyAsync(context.Request, _options.MaxActivityBytes, context.RequestAborted);
        var activity = DirectLineJson.Deserialize<Activity>(json);

        var stored = await _conversations.PostFromUserAsync(caller, conversationId, activity, requestedUserId: null, context.RequestAborted);
        await DirectLineJson.WriteAsync(context.Response, StatusCodes.Status200OK, new ResourceResponse(stored.Id));
    }

    /// <summary>GET conversations/{id}/activities?watermark=: the activities after the watermark.</summary>
    public async Task GetActivitiesAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = _authenticator.Authenticate(context.Request);
        var conversationId = DirectLineRequests.RouteValue(context, "conversationId");
        var watermark = DirectLineRequests.Watermark(context.Request);

        var page = await _conversations.GetActivitiesAsync(caller, conversationId, watermark, context.RequestAborted);
        await DirectLineRequests.WriteRawJsonAsync(context.Response, StatusCodes.Status200OK, DirectLineRequests.ActivitySetJson(page));
    }

    private async Task<T?> ReadOptionalAsync<T>(HttpContext context)
        where T : class
    {
        var json = await DirectLineJson.ReadBodyAsync(context.Request, _options.MaxActivityBytes, context.RequestAborted);
        return string.IsNullOrWhiteSpace(json) ? null : DirectLineJson.Deserialize<T>(json);
    }

    private static ConversationResponse ToResponse(IssuedToken issued, string? streamUrl) => new()
    {
        ConversationId = issued.Claims.ConversationId,
        Token = issued.Token,
        ExpiresIn = issued.ExpiresInSeconds,
        StreamUrl = streamUrl,
    };
}
