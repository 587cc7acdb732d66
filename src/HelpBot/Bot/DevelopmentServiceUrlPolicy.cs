using System.Net;

namespace HelpBot.Bot;

/// <summary>
/// Where the bot may post its replies in development mode. Without channel authentication anyone who reaches the port
/// chooses the activity's serviceUrl, and the SDK posts the replies there: a fuzzed serviceUrl made the bot call a
/// link-local address. So only loopback and the configured service URLs are served; anything else is refused with a
/// 4xx before the SDK sees it. With a MicrosoftAppId the channel's token vouches for the serviceUrl and this is off.
/// </summary>
public sealed class DevelopmentServiceUrlPolicy
{
    private readonly bool _enabled;
    private readonly IReadOnlyList<Uri> _allowed;
    private readonly Func<Uri?> _channelServiceUrl;

    /// <param name="enabled">True in development mode.</param>
    /// <param name="allowed">HelpBot:DevelopmentMode:ServiceUrls.</param>
    /// <param name="channelServiceUrl">
    /// The embedded Direct Line's own serviceUrl (DirectLine:ServiceUrl, or the server's address once it listens,
    /// which need not be loopback with <c>--urls http://192.168.1.5:3978</c>); null while unknown.
    /// </param>
    public DevelopmentServiceUrlPolicy(bool enabled, IEnumerable<Uri> allowed, Func<Uri?>? channelServiceUrl = null)
    {
        _enabled = enabled;
        _allowed = [.. allowed];
        _channelServiceUrl = channelServiceUrl ?? (() => null);
    }

    public bool Allows(string? serviceUrl)
    {
        if (!_enabled)
        {
            return true;
        }

        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        return IsLoopback(uri) || _allowed.Any(a => IsUnder(a, uri)) || (_channelServiceUrl() is { } channel && IsUnder(channel, uri));
    }

    private static bool IsUnder(Uri allowed, Uri uri) =>
        string.Equals(allowed.Scheme, uri.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(allowed.IdnHost, uri.IdnHost, StringComparison.OrdinalIgnoreCase)
        && allowed.Port == uri.Port
        && uri.AbsolutePath.StartsWith(allowed.AbsolutePath, StringComparison.Ordinal);

    private static bool IsLoopback(Uri uri)
    {
        if (string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var address))
        {
            return false;
        }

        return IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
    }
}
