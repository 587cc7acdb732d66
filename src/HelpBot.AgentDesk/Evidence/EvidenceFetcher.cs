using System.Net;
using System.Net.Sockets;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpBot.AgentDesk.Evidence;

/// <summary>
/// Turns a customer's attachment into a checked screenshot. Accepted: inline <c>data:</c> URLs, and downloads from the
/// channel's own attachments path (trusted even on loopback) or from AgentDesk:AttachmentHosts (only when every address
/// they resolve to is public; the connection is made to the checked address, so DNS cannot be switched in between).
/// No redirects, no proxy, a size limit while reading, and the type is decided by the bytes: PNG, JPEG or WebP.
/// </summary>
public sealed class EvidenceFetcher : IDisposable
{
    private readonly AgentDeskOptions _options;
    private readonly IEnumerable<IAttachmentHostSource> _channelHosts;
    private readonly ILogger<EvidenceFetcher> _logger;
    private readonly HttpClient _channelClient;
    private readonly HttpClient _publicClient;

    public EvidenceFetcher(IOptions<AgentDeskOptions> options, IEnumerable<IAttachmentHostSource> channelHosts, ILogger<EvidenceFetcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _channelHosts = channelHosts;
        _logger = logger;
        _channelClient = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false, UseCookies = false })
        {
            Timeout = _options.DownloadTimeout,
        };
        _publicClient = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectCallback = ConnectToPublicAddressAsync,
        })
        {
            Timeout = _options.DownloadTimeout,
        };
    }

    public int MaxBytes => _options.MaxAttachmentBytes;

    public long MaxMegapixels => Math.Max(1, _options.MaxImagePixels / 1_000_000);

    public async Task<EvidenceResult> FetchAsync(Attachment attachment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var url = attachment.ContentUrl;
        if (string.IsNullOrWhiteSpace(url))
        {
            return EvidenceResult.Rejected(EvidenceRejection.Unavailable);
        }

        if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return FromDataUrl(url, attachment.Name);
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return EvidenceResult.Rejected(EvidenceRejection.HostNotAllowed);
        }

        if (IsChannelHost(uri))
        {
            return await DownloadAsync(_channelClient, uri, attachment.Name, cancellationToken);
        }

        if (!IsConfiguredHost(uri))
        {
            return EvidenceResult.Rejected(EvidenceRejection.HostNotAllowed);
        }

        if (!await ResolvesToPublicOnlyAsync(uri.IdnHost, cancellationToken))
        {
            return EvidenceResult.Rejected(EvidenceRejection.PrivateAddress);
        }

        return await DownloadAsync(_publicClient, uri, attachment.Name, cancellationToken);
    }

    private EvidenceResult FromDataUrl(string url, string? name)
    {
        var comma = url.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0 || !url.AsSpan(5, comma - 5).EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
        {
            return EvidenceResult.Rejected(EvidenceRejection.Unavailable);
        }

        var payload = url.AsSpan(comma + 1).Trim();
        // Check the size before decoding: base64 carries 3 bytes in 4 characters.
        if ((long)payload.Length * 3 / 4 > _options.MaxAttachmentBytes + 2)
        {
            return EvidenceResult.Rejected(EvidenceRejection.TooLarge);
        }

        var buffer = new byte[(payload.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64Chars(payload, buffer, out var written))
        {
            return EvidenceResult.Rejected(EvidenceRejection.Unavailable);
        }

        return Check(buffer.AsSpan(0, written).ToArray(), name, sourceUrl: null);
    }

    private EvidenceResult Check(byte[] content, string? name, string? sourceUrl)
    {
        if (content.Length > _options.MaxAttachmentBytes)
        {
            return EvidenceResult.Rejected(EvidenceRejection.TooLarge);
        }

        // Stored without metadata (EXIF location and the like); a file whose structure does not parse is no image.
        if (ImageSniffer.ContentType(content) is not { } type
            || ImageMetadata.Strip(type, content) is not { } clean
            || ImageDimensions.Read(type, clean) is not { } dimensions)
        {
            return EvidenceResult.Rejected(EvidenceRejection.NotAnImage);
        }

        // Small files can declare huge pictures; the agent's browser would decode all of them.
        return dimensions.Pixels > _options.MaxImagePixels
            ? EvidenceResult.Rejected(EvidenceRejection.TooManyPixels)
            : EvidenceResult.Accepted(new FetchedImage(type, clean, name, sourceUrl));
    }

    private async Task<EvidenceResult> DownloadAsync(HttpClient client, Uri uri, string? name, CancellationToken cancellationToken)
    {
        // HttpClient.Timeout ends when the headers arrive (ResponseHeadersRead): this limit covers the body too, so a
        // host that drips bytes cannot hold the turn.
        using var whole = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        whole.CancelAfter(_options.DownloadTimeout);
        try
        {
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, whole.Token);
            if (!response.IsSuccessStatusCode)
            {
                return EvidenceResult.Rejected(EvidenceRejection.Unavailable);
            }

            if (response.Content.Headers.ContentLength > _options.MaxAttachmentBytes)
            {
                return EvidenceResult.Rejected(EvidenceRejection.TooLarge);
            }

            await using var stream = await response.Content.ReadAsStreamAsync(whole.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, whole.Token)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > _options.MaxAttachmentBytes)
                {
                    return EvidenceResult.Rejected(EvidenceRejection.TooLarge);
                }
            }

            return Check(buffer.ToArray(), name, uri.AbsoluteUri);
        }
        catch (HttpRequestException ex) when (ex.InnerException is PrivateAddressException)
        {
            return EvidenceResult.Rejected(EvidenceRejection.PrivateAddress);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException && !cancellationToken.IsCancellationRequested)
        {
            _logger.LogInformation(ex, "Could not download a customer's attachment from {Host}", uri.Host);
            return EvidenceResult.Rejected(EvidenceRejection.Unavailable);
        }
    }

    // Trusted is what lies below a channel's attachments URL, e.g. /v3/attachments/{id}: not the rest of that origin
    // (the bot's own API, the agent desk), and no escaped slash or dot segment that would climb out of it.
    private bool IsChannelHost(Uri uri) =>
        _channelHosts.SelectMany(s => s.TrustedAttachmentBaseUrls()).Concat(_options.ChannelAttachmentBaseUrls).Any(b =>
            string.Equals(b.Scheme, uri.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(b.IdnHost, uri.IdnHost, StringComparison.OrdinalIgnoreCase)
            && b.Port == uri.Port
            && IsBelow(b.AbsolutePath.EndsWith('/') ? b.AbsolutePath : b.AbsolutePath + "/", uri.AbsolutePath));

    private static bool IsBelow(string folder, string path) =>
        path.Length > folder.Length
        && path.StartsWith(folder, StringComparison.Ordinal)
        && path[folder.Length..].Split('/').All(segment => Uri.UnescapeDataString(segment) is { Length: > 0 } name
            && name is not ("." or "..")
            && name.IndexOfAny(['/', '\\']) < 0);

    private bool IsConfiguredHost(Uri uri) =>
        _options.AttachmentHosts.Any(h =>
            string.Equals(h, uri.IdnHost, StringComparison.OrdinalIgnoreCase)
            || string.Equals(h, uri.Authority, StringComparison.OrdinalIgnoreCase));

    private static async Task<bool> ResolvesToPublicOnlyAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            return NetworkAddresses.IsPublic(literal);
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            return addresses.Length > 0 && addresses.All(NetworkAddresses.IsPublic);
        }
        catch (SocketException)
        {
            // Unresolvable: the download would fail anyway; say so as "unavailable" rather than "private".
            return true;
        }
    }

    private static async ValueTask<Stream> ConnectToPublicAddressAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var target = addresses.FirstOrDefault(NetworkAddresses.IsPublic) ?? throw new PrivateAddressException();
        var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(target, context.DnsEndPoint.Port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _channelClient.Dispose();
        _publicClient.Dispose();
    }

    private sealed class PrivateAddressException : IOException
    {
        public PrivateAddressException()
            : base("The host resolves to an address that is not public.")
        {
        }
    }
}
