using System.Security.Cryptography;
using System.Text;

namespace HelpBot.Dialogs.Changes;

/// <summary>
/// Idempotency keys for platform actions: the same action for the same conversation and order gets the same key, so a
/// double tap or a retried turn cannot cancel twice or open two tickets. Hashed, because conversation ids come from
/// channels and need not be valid in an HTTP header.
/// </summary>
public static class Idempotency
{
    public static string Key(params string?[] parts)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts.Select(p => p ?? string.Empty))));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 16));
    }
}
