using System.Net;
using HelpBot.Channels.DirectLine.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace HelpBot.Channels.DirectLine.Delivery;

/// <summary>
/// The URLs the channel hands out: the bot's messaging endpoint, its own bot-facing serviceUrl and the attachment
/// host. Unless configured they come from the server's listening addresses (loopback preferred), which are known
/// only once the server has started, hence the lazy resolution.
/// </summary>
public sealed class DirectLineChannelUrls
{
    private readonly IServer _server;
    private readonly DirectLineOptions _options;
    private readonly Lazy<Uri> _localBase;

    public DirectLineChannelUrls(IServer server, IOptions<DirectLineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _server = server;
        _options = options.Value;
        _localBase = new Lazy<Uri>(ResolveLocalBase, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Where user activities are POSTed: DirectLine:BotEndpoint, or this host's /api/messages.</summary>
    public Uri BotEndpoint => _options.BotEndpoint ?? new Uri(_localBase.Value, "api/messages");

    /// <summary>The activities' serviceUrl: the base of the bot-facing Bot Connector API, ending with '/'.</summary>
    public Uri ServiceUrl => WithTrailingSlash(_options.ServiceUrl ?? new Uri(_localBase.Value, _options.BotApiPath.Trim('/') + "/"));

    /// <summary>
    /// The channel's attachment host: contentUrls of stored attachments start with this, so the bot may trust
    /// downloads from it (DirectLine:PublicBaseUrl, else the origin of <see cref="ServiceUrl"/>).
    /// </summary>
    public Uri AttachmentBaseUrl => WithTrailingSlash(_options.PublicBaseUrl ?? new Uri(ServiceUrl.GetLeftPart(UriPartial.Authority) + "/"));

    /// <summary>The folder of stored attachments (e.g. <c>/v3/attachments/</c>): the only part of this origin the bot trusts for downloads.</summary>
    public Uri AttachmentsUrl => new(AttachmentBaseUrl, _options.AttachmentsPath.Trim('/') + "/");

    public Uri AttachmentUrl(string attachmentId) => new(AttachmentsUrl, Uri.EscapeDataString(attachmentId));

    /// <summary>The WebSocket URL of a conversation's stream, carrying its token in the "t" query parameter.</summary>
    public Uri StreamUrl(HttpRequest request, string conversationId, string token, string? watermark)
    {
        ArgumentNullException.ThrowIfNull(request);
        var baseUrl = _options.PublicBaseUrl is { } configured
            ? WithTrailingSlash(configured).ToString()
            : $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}/";
        var builder = new UriBuilder(new Uri(new Uri(baseUrl), $"v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/stream"));
        builder.Scheme = builder.Scheme == Uri.UriSchemeHttps ? Uri.UriSchemeWss : Uri.UriSchemeWs;
        builder.Port = builder.Uri.IsDefaultPort ? -1 : builder.Port;
        var query = "t=" + Uri.EscapeDataString(token);
        if (!string.IsNullOrEmpty(watermark))
            query = "watermark=" + Uri.EscapeDataString(watermark) + "&" + query;
        builder.Query = query;
        return builder.Uri;
    }

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    private Uri ResolveLocalBase()
    {
        var addresses = _server.Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(TryParseAddress)
            .OfType<Uri>()
            .ToList() ?? [];
        var best = addresses
            .OrderBy(a => IsLoopback(a) ? 0 : 1)
            .ThenBy(a => a.Scheme == Uri.UriSchemeHttp ? 0 : 1)
            .FirstOrDefault();
        return best ?? throw new InvalidOperationException(
            "The server has no listening address yet; set DirectLine:BotEndpoint and DirectLine:ServiceUrl explicitly.");
    }

    private static Uri? TryParseAddress(string address)
    {
        BindingAddress binding;
        try
        {
            binding = BindingAddress.Parse(address);
        }
        catch (FormatException)
        {
            return null;
        }

        if (binding.IsUnixPipe || binding.IsNamedPipe)
            return null;

        // Wildcard bindings (+, *, 0.0.0.0, [::]) are reachable on loopback.
        var host = binding.Host switch
        {
            "+" or "*" or "0.0.0.0" => "127.0.0.1",
            "[::]" or "::" => "[::1]",
            var other => other,
        };
        return Uri.TryCreate($"{binding.Scheme}://{host}:{binding.Port}{binding.PathBase}/", UriKind.Absolute, out var uri) ? uri : null;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip));
}
