namespace HelpBot.Channels.DirectLine.Security;

/// <summary>What a Direct Line token grants: one user in one conversation until it expires.</summary>
public sealed record DirectLineTokenClaims(string ConversationId, string UserId, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);
