using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace HelpBot.SdkWorkarounds;

/// <summary>
/// Wraps the SDK's authentication so that the Bot Connector and user-token clients are created once per bot app id,
/// service URL and audience and then reused, instead of once per turn. CloudAdapter 4.23 builds both for every
/// activity (a <c>ServiceClient</c> constructor with user-agent regexes, credentials, handlers), even for
/// expectReplies turns that never call the connector: about 8% of HelpBot's CPU per turn (docs/performance.md).
/// Reuse is what the SDK's older BotFrameworkAdapter did with its client cache; the clients are thread-safe and their
/// credentials refresh their own tokens. Authentication itself is untouched: every request is still validated.
/// </summary>
public sealed class ReusedConnectorsBotFrameworkAuthentication : BotFrameworkAuthentication
{
    // Service URLs come from validated tokens in production, but in development mode from whoever posts; past this
    // many distinct clients new ones are created per turn as the SDK does, so the cache cannot grow without bound.
    public const int MaxCachedClients = 256;

    private readonly BotFrameworkAuthentication _inner;
    private readonly ConcurrentDictionary<(string AppId, string ServiceUrl, string Audience), IConnectorClient> _connectors = new();
    private readonly ConcurrentDictionary<string, UserTokenClient> _userTokenClients = new(StringComparer.Ordinal);

    public ReusedConnectorsBotFrameworkAuthentication(BotFrameworkAuthentication inner)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
    }

    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        var result = await _inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken).ConfigureAwait(false);
        result.ConnectorFactory = Reusing(result.ConnectorFactory, result.ClaimsIdentity);
        return result;
    }

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken)
    {
        var result = await _inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken).ConfigureAwait(false);
        result.ConnectorFactory = Reusing(result.ConnectorFactory, result.ClaimsIdentity);
        return result;
    }

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        Reusing(_inner.CreateConnectorFactory(claimsIdentity), claimsIdentity);

    public override async Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken)
    {
        var appId = AppIdOf(claimsIdentity);
        if (_userTokenClients.TryGetValue(appId, out var cached))
        {
            return cached;
        }

        var created = await _inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken).ConfigureAwait(false);
        if (_userTokenClients.Count >= MaxCachedClients)
        {
            return created;
        }

        var shared = new UndisposedUserTokenClient(created);
        return _userTokenClients.TryAdd(appId, shared) ? shared : _userTokenClients[appId];
    }

    public override BotFrameworkClient CreateBotFrameworkClient() => _inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => _inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        _inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    private ConnectorFactory Reusing(ConnectorFactory? factory, ClaimsIdentity? identity) =>
        factory is null or ReusingConnectorFactory ? factory! : new ReusingConnectorFactory(factory, AppIdOf(identity), _connectors);

    // The same app id the SDK's own factories key their credentials on (BuiltinBotFrameworkAuthentication calls this
    // helper too; only the class's token validation is obsolete).
#pragma warning disable CS0618
    private static string AppIdOf(ClaimsIdentity? identity) =>
        (identity is null ? null : JwtTokenValidation.GetAppIdFromClaims(identity.Claims)) ?? string.Empty;
#pragma warning restore CS0618

    private sealed class ReusingConnectorFactory(
        ConnectorFactory inner,
        string appId,
        ConcurrentDictionary<(string AppId, string ServiceUrl, string Audience), IConnectorClient> cache) : ConnectorFactory
    {
        public override async Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
        {
            var key = (appId, serviceUrl ?? string.Empty, audience ?? string.Empty);
            if (cache.TryGetValue(key, out var cached))
            {
                return cached;
            }

            var created = await inner.CreateAsync(serviceUrl, audience, cancellationToken).ConfigureAwait(false);
            if (cache.Count >= MaxCachedClients)
            {
                return created;
            }

            var shared = new UndisposedConnectorClient(created);
            return cache.TryAdd(key, shared) ? shared : cache[key];
        }
    }
}
