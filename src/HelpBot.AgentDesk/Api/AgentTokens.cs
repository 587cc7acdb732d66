using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpBot.AgentDesk.Api;

/// <summary>
/// The bearer tokens of the agent API (AgentDesk:Tokens). With none configured, one random token is generated for
/// this run and logged at start-up, so the desk is never open without one. Comparison is in constant time.
/// </summary>
public sealed class AgentTokens
{
    private readonly byte[][] _hashes;

    public AgentTokens(IOptions<AgentDeskOptions> options, ILogger<AgentTokens> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        var configured = options.Value.Tokens.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToList();
        if (configured.Count == 0)
        {
            GeneratedToken = Base64UrlToken();
            configured.Add(GeneratedToken);
            logger.LogWarning(
                "No AgentDesk:Tokens configured. Generated agent desk token for this run: {AgentDeskToken} (sign in at /agent with it; configure AgentDesk:Tokens to keep one).",
                GeneratedToken);
        }

        _hashes = [.. configured.Select(Hash)];
    }

    /// <summary>The token generated at start-up when none was configured; null otherwise.</summary>
    public string? GeneratedToken { get; }

    public bool IsValid(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        // Hashing first gives equal lengths; every token is compared so timing does not tell which one nearly matched.
        var hash = Hash(presented);
        var valid = false;
        foreach (var known in _hashes)
        {
            valid |= CryptographicOperations.FixedTimeEquals(hash, known);
        }

        return valid;
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Base64UrlToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
