using System.Net.WebSockets;
using System.Text;
using HelpBot.Channels.DirectLine.Api;
using HelpBot.Channels.DirectLine.Configuration;
using HelpBot.Channels.DirectLine.Conversations;
using HelpBot.Channels.DirectLine.Security;
using HelpBot.Channels.DirectLine.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpBot.Channels.DirectLine.Streaming;

/// <summary>
/// GET conversations/{id}/stream?watermark=&amp;t={token}: a WebSocket pushing {"activities", "watermark"} sets after
/// the watermark (from the start when absent), and an empty message as heartbeat when idle. Client messages (the
/// client's own empty pings) are read and ignored.
/// </summary>
public sealed class DirectLineStreamEndpoint
{
    private readonly DirectLineAuthenticator _authenticator;
    private readonly DirectLineConversations _conversations;
    private readonly IDirectLineActivityNotifier _notifier;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly DirectLineOptions _options;
    private readonly ILogger<DirectLineStreamEndpoint> _logger;

    public DirectLineStreamEndpoint(
        DirectLineAuthenticator authenticator,
        DirectLineConversations conversations,
        IDirectLineActivityNotifier notifier,
        IHostApplicationLifetime lifetime,
        IOptions<DirectLineOptions> options,
        ILogger<DirectLineStreamEndpoint> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _authenticator = authenticator;
        _conversations = conversations;
        _notifier = notifier;
        _lifetime = lifetime;
        _options = options.Value;
        _logger = logger;
    }

    public async Task StreamAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = _authenticator.Authenticate(context.Request, allowQueryToken: true);
        var conversationId = DirectLineRequests.RouteValue(context, "conversationId");
        caller.EnsureMayAccess(conversationId);
        var watermark = DirectLineRequests.Watermark(context.Request);
        await _conversations.GetAsync(conversationId, context.RequestAborted);
        if (!context.WebSockets.IsWebSocketRequest)
            throw DirectLineException.BadArgument("The stream must be opened as a WebSocket.");

        // Subscribe before the first read so nothing appended in between is missed.
        using var subscription = _notifier.Subscribe(conversationId);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _lifetime.ApplicationStopping);
        var receiving = ReceiveUntilClosedAsync(socket, stop);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var page = await _conversations.GetActivitiesAsync(caller, conversationId, watermark, stop.Token);
                if (page.Activities.Count > 0)
                {
                    await SendTextAsync(socket, DirectLineRequests.ActivitySetJson(page), stop.Token);
                    watermark = page.Watermark;
                }

                if (!await subscription.WaitAsync(_options.StreamHeartbeatInterval, stop.Token))
                    await SendTextAsync(socket, string.Empty, stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Closed by the client, or the host is stopping.
        }
        catch (DirectLineException ex)
        {
            // The conversation went away (evicted) while streaming.
            _logger.LogInformation("Closing the stream of conversation {ConversationId}: {Reason}", conversationId, ex.Message);
        }
        catch (WebSocketException ex)
        {
            _logger.LogDebug(ex, "The stream of conversation {ConversationId} broke", conversationId);
        }

        await CloseAsync(socket, _lifetime.ApplicationStopping.IsCancellationRequested ? WebSocketCloseStatus.EndpointUnavailable : WebSocketCloseStatus.NormalClosure);
        await stop.CancelAsync();
        await receiving;
    }

    private static Task SendTextAsync(WebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes(text)), WebSocketMessageType.Text, endOfMessage: true, cancellationToken).AsTask();

    private static async Task ReceiveUntilClosedAsync(WebSocket socket, CancellationTokenSource stop)
    {
        var buffer = new byte[4096];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                    break;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Ends the stream below.
        }

        await stop.CancelAsync();
    }

    private static async Task CloseAsync(WebSocket socket, WebSocketCloseStatus status)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
            return;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await socket.CloseOutputAsync(status, null, timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Best effort: the peer is gone.
        }
    }
}
