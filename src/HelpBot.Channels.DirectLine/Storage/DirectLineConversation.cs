namespace HelpBot.Channels.DirectLine.Storage;

/// <summary>A conversation the channel knows: its id and the user it was started for.</summary>
public sealed record DirectLineConversation(string Id, string UserId, DateTimeOffset CreatedAt);
