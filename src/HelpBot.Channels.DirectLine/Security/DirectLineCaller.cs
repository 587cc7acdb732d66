using HelpBot.Channels.DirectLine.Serialization;

namespace HelpBot.Channels.DirectLine.Security;

/// <summary>Who is calling the client-facing API: the secret holder (any conversation) or a token holder (one).</summary>
public sealed class DirectLineCaller
{
    private DirectLineCaller(bool isSecretHolder, DirectLineTokenClaims? token)
    {
        IsSecretHolder = isSecretHolder;
        Token = token;
    }

    public bool IsSecretHolder { get; }

    /// <summary>The token's claims when the caller used a token.</summary>
    public DirectLineTokenClaims? Token { get; }

    public static DirectLineCaller WithSecret() => new(true, null);

    public static DirectLineCaller WithToken(DirectLineTokenClaims claims) => new(false, claims);

    /// <summary>Refuses (403) a token holder that reaches for another conversation than its token's.</summary>
    public void EnsureMayAccess(string conversationId)
    {
        if (Token is not null && !string.Equals(Token.ConversationId, conversationId, StringComparison.Ordinal))
            throw DirectLineException.Forbidden("The token is not valid for this conversation.");
    }
}
