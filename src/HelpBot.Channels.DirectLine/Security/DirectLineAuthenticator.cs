using HelpBot.Channels.DirectLine.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace HelpBot.Channels.DirectLine.Security;

/// <summary>Reads "Authorization: Bearer {secret or token}" (or the stream's "t" query value) into a caller.</summary>
public sealed class DirectLineAuthenticator
{
    private readonly DirectLineSecret _secret;
    private readonly DirectLineTokenService _tokens;

    public DirectLineAuthenticator(DirectLineSecret secret, DirectLineTokenService tokens)
    {
        _secret = secret;
        _tokens = tokens;
    }

    public DirectLineCaller Authenticate(HttpRequest request, bool allowQueryToken = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        var credential = ReadBearer(request);
        if (credential is null && allowQueryToken)
            credential = request.Query["t"].ToString() is { Length: > 0 } t ? t : null;
        if (credential is null)
            throw DirectLineException.Forbidden("Missing token or secret: send \"Authorization: Bearer {secret or token}\".");

        return Authenticate(credential);
    }

    public DirectLineCaller Authenticate(string credential)
    {
        if (_secret.Matches(credential))
            return DirectLineCaller.WithSecret();
        return DirectLineCaller.WithToken(_tokens.Validate(credential));
    }

    private static string? ReadBearer(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        const string scheme = "Bearer ";
        if (header.Length <= scheme.Length || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            return null;
        var value = header[scheme.Length..].Trim();
        return value.Length == 0 ? null : value;
    }
}
