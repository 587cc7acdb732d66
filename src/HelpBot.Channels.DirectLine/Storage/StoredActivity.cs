namespace HelpBot.Channels.DirectLine.Storage;

/// <summary>An activity in a conversation's log: its position (the watermark it advances to) and its JSON.</summary>
public sealed record StoredActivity(long Sequence, string Id, string Json);
