namespace HelpBot.Endpoints;

/// <summary>Body of POST /api/webchat/token: which demo user (null: a new anonymous one) and the page's locale.</summary>
public sealed record WebChatTokenRequest(string? UserId, string? Locale);
