namespace HelpBot.Channels.DirectLine.Storage;

/// <summary>The outcome of starting a conversation: the conversation and whether this call created it.</summary>
public sealed record ConversationStart(DirectLineConversation Conversation, bool Created);
