namespace HelpBot.Channels.DirectLine.Security;

/// <summary>A freshly issued token and its lifetime in seconds (the "expires_in" of the API).</summary>
public sealed record IssuedToken(string Token, DirectLineTokenClaims Claims, int ExpiresInSeconds);
