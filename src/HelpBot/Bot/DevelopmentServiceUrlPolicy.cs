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

    public DevelopmentServiceUrlPolicy(bool enabled, IEnumerable<Uri> allowed)
    {
        _enabled = enabled;
        _allowed = [.. allowed];
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

        return IsLoopback(uri) || _allowed.Any(a =>
            string.Equals(a.Scheme, uri.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.IdnHost, uri.IdnHost, StringComparison.OrdinalIgnoreCase)
            && a.Port == uri.Port
            && uri.AbsolutePath.StartsWith(a.AbsolutePath, StringComparison.Ordinal));
    }

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
