using System.Security.Cryptography;
using System.Text;
using HelpBot.Channels.DirectLine.Configuration;
using HelpBot.Channels.DirectLine.Serialization;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace HelpBot.Channels.DirectLine.Security;

/// <summary>
/// Issues and validates stateless tokens: "dl1.{base64url(payload)}.{base64url(HMAC-SHA256(payload))}". Nothing is
/// stored, so tokens survive restarts with the same secret; tampering with conversation, user or expiry breaks the MAC.
/// </summary>
public sealed class DirectLineTokenService
{
    private const string Prefix = "dl1.";
    private const int MaxTokenLength = 4096;
    private readonly DirectLineSecret _secret;
    private readonly DirectLineOptions _options;
    private readonly TimeProvider _time;

    public DirectLineTokenService(DirectLineSecret secret, IOptions<DirectLineOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _secret = secret;
        _options = options.Value;
        _time = time;
    }

    public IssuedToken Issue(string conversationId, string userId)
    {
        var now = _time.GetUtcNow();
        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        var claims = new DirectLineTokenClaims(conversationId, userId, issuedAt, issuedAt + _options.TokenLifetime);
        var payload = new TokenPayload
        {
            ConversationId = conversationId,
            UserId = userId,
            IssuedAt = claims.IssuedAt.ToUnixTimeSeconds(),
            ExpiresAt = claims.ExpiresAt.ToUnixTimeSeconds(),
        };
        var body = Base64Url.Encode(Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(payload)));
        var token = Prefix + body + "." + Base64Url.Encode(Sign(body));
        return new IssuedToken(token, claims, (int)_options.TokenLifetime.TotalSeconds);
    }

    /// <summary>Validates a token; throws a 403 <see cref="DirectLineException"/> when it is forged, malformed or expired.</summary>
    public DirectLineTokenClaims Validate(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length > MaxTokenLength || !token.StartsWith(Prefix, StringComparison.Ordinal))
            throw DirectLineException.Forbidden("The token is not valid.");

        var rest = token[Prefix.Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !Base64Url.TryDecode(rest[(dot + 1)..], out var signature))
            throw DirectLineException.Forbidden("The token is not valid.");

        var body = rest[..dot];
        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(body)))
            throw DirectLineException.Forbidden("The token is not valid.");

        TokenPayload? payload = null;
        if (Base64Url.TryDecode(body, out var json))
        {
            try
            {
                payload = JsonConvert.DeserializeObject<TokenPayload>(Encoding.UTF8.GetString(json));
            }
            catch (JsonException)
            {
                payload = null;
            }
        }

        if (payload?.ConversationId is not { Length: > 0 } || payload.UserId is not { Length: > 0 })
            throw DirectLineException.Forbidden("The token is not valid.");

        var claims = new DirectLineTokenClaims(
            payload.ConversationId,
            payload.UserId,
            DateTimeOffset.FromUnixTimeSeconds(payload.IssuedAt),
            DateTimeOffset.FromUnixTimeSeconds(payload.ExpiresAt));
        if (claims.ExpiresAt <= _time.GetUtcNow())
            throw DirectLineException.TokenExpired();
        return claims;
    }

    private byte[] Sign(string body) => HMACSHA256.HashData(_secret.SigningKey, Encoding.ASCII.GetBytes(body));

    private sealed class TokenPayload
    {
        [JsonProperty("conv")]
        public string? ConversationId { get; set; }

        [JsonProperty("user")]
        public string? UserId { get; set; }

        [JsonProperty("iat")]
        public long IssuedAt { get; set; }

        [JsonProperty("exp")]
        public long ExpiresAt { get; set; }
    }
}
