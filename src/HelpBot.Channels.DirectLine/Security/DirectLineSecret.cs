using System.Security.Cryptography;
using System.Text;
using HelpBot.Channels.DirectLine.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpBot.Channels.DirectLine.Security;

/// <summary>The Direct Line secret in force, and the token signing key derived from it.</summary>
public sealed class DirectLineSecret
{
    private const string SigningKeyLabel = "HelpBot.DirectLine token signing key v1";
    private readonly byte[] _secretBytes;

    public DirectLineSecret(IOptions<DirectLineOptions> options, ILogger<DirectLineSecret> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);

        var configured = options.Value.Secret;
        if (string.IsNullOrWhiteSpace(configured))
        {
            // Development default: a fresh secret per process, printed so a developer can call tokens/generate.
            configured = Base64Url.Encode(RandomNumberGenerator.GetBytes(32));
            logger.LogWarning(
                "DirectLine:Secret is not configured; generated a secret for this process only: {DirectLineSecret}",
                configured);
        }

        Value = configured;
        _secretBytes = Encoding.UTF8.GetBytes(configured);
        SigningKey = HMACSHA256.HashData(_secretBytes, Encoding.UTF8.GetBytes(SigningKeyLabel));
    }

    /// <summary>The secret itself (for the host's own server-side token requests, never for clients).</summary>
    public string Value { get; }

    /// <summary>HMAC key for tokens: derived from the secret, so rotating the secret revokes every token.</summary>
    internal byte[] SigningKey { get; }

    /// <summary>Compares a presented credential with the secret in constant time.</summary>
    public bool Matches(string? presented)
    {
        if (presented is null)
            return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _secretBytes);
    }
}
