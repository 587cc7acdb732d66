namespace HelpBot.Channels.DirectLine.Storage;

/// <summary>An uploaded file kept by the channel and served from its attachment URL.</summary>
public sealed record StoredAttachment(string Id, string ConversationId, string Name, string ContentType, ReadOnlyMemory<byte> Content);
