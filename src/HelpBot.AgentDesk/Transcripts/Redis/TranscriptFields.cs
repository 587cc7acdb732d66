namespace HelpBot.AgentDesk.Transcripts.Redis;

/// <summary>How a field of an activity is written in a turn element, and read back.</summary>
public enum TranscriptFieldRule
{
    /// <summary>Left out when it is <c>"message"</c>.</summary>
    Type,

    /// <summary>Under the suffix name, the part after the conversation id when the id starts with it (Direct Line ids
    /// are <c>{conversationId}|0000001</c>); else as it is.</summary>
    Id,

    /// <summary>The turn's base time (its first timestamp): ticks after it, left out when equal; the offset in minutes
    /// when not UTC; null when the activity has none. A value that is not a date is kept under <c>"+"</c>.</summary>
    BaseTime,

    /// <summary>Ticks after the turn's base time; the offset in minutes when not UTC. Not a date: kept under <c>"+"</c>.</summary>
    Time,

    /// <summary>Left out when it equals the conversation's value (<see cref="TranscriptField.SharedWith"/>); 0 when the
    /// activity has none.</summary>
    Shared,

    /// <summary>As <see cref="Shared"/>, compared with the id of the turn's first activity (replies answer it).</summary>
    ReplyTo,

    /// <summary><c>{"actions": [...]}</c>: an imBack button as its title or [title, value], any other button as
    /// <c>{"o": button}</c>; another shape as it is.</summary>
    Buttons,

    /// <summary>As it is; with <see cref="TranscriptField.Codes"/>, a common value as its number (1-based).</summary>
    Copied,
}

/// <summary>The conversation's value a <see cref="TranscriptFieldRule.Shared"/> field is compared with.</summary>
public enum TranscriptSharedValue
{
    None,
    /// <summary>The header's service URL.</summary>
    ServiceUrl,
    /// <summary>The list key's channel id.</summary>
    ChannelId,
    /// <summary>The header's conversation (by default <c>{"id": conversationId}</c>).</summary>
    Conversation,
    /// <summary>The header's locale.</summary>
    Locale,
    /// <summary>The user for the turn's first activity, the bot for the others (its replies).</summary>
    Sender,
    /// <summary>The bot for the turn's first activity, the user for the others.</summary>
    Receiver,
}

/// <summary>One activity field of the compact format: its JSON name, its short name in a turn element, and its rule.</summary>
public sealed record TranscriptField(
    string Name,
    string ShortName,
    TranscriptFieldRule Rule,
    TranscriptSharedValue SharedWith = TranscriptSharedValue.None,
    string? OffsetName = null,
    string? SuffixName = null,
    IReadOnlyList<string>? Codes = null);

/// <summary>
/// The activity fields of <see cref="TranscriptFormat"/>, for writing and reading alike, in the order a read activity
/// has them. Null, <c>[]</c> and <c>{}</c> are left out; any field not listed here is kept verbatim under its own name
/// in <c>"+"</c>. Short names are part of the stored format: never change or reuse one.
/// </summary>
public static class TranscriptFields
{
    /// <summary>The object of a turn element's activity that holds the fields not listed in <see cref="All"/>.</summary>
    public const string Others = "+";

    public static IReadOnlyList<TranscriptField> All { get; } =
    [
        new("type", "y", TranscriptFieldRule.Type),
        new("id", "i", TranscriptFieldRule.Id, SuffixName: "j"),
        new("timestamp", "t", TranscriptFieldRule.BaseTime, OffsetName: "to"),
        new("localTimestamp", "lt", TranscriptFieldRule.Time, OffsetName: "lo"),
        new("serviceUrl", "s", TranscriptFieldRule.Shared, TranscriptSharedValue.ServiceUrl),
        new("channelId", "ch", TranscriptFieldRule.Shared, TranscriptSharedValue.ChannelId),
        new("from", "f", TranscriptFieldRule.Shared, TranscriptSharedValue.Sender),
        new("conversation", "c", TranscriptFieldRule.Shared, TranscriptSharedValue.Conversation),
        new("recipient", "r", TranscriptFieldRule.Shared, TranscriptSharedValue.Receiver),
        new("locale", "l", TranscriptFieldRule.Shared, TranscriptSharedValue.Locale),
        new("text", "x", TranscriptFieldRule.Copied),
        new("textFormat", "tf", TranscriptFieldRule.Copied, Codes: ["markdown", "plain", "xml"]),
        new("inputHint", "h", TranscriptFieldRule.Copied, Codes: ["acceptingInput", "expectingInput", "ignoringInput"]),
        new("deliveryMode", "dm", TranscriptFieldRule.Copied, Codes: ["normal", "notification", "expectReplies", "ephemeral"]),
        new("attachments", "at", TranscriptFieldRule.Copied),
        new("attachmentLayout", "al", TranscriptFieldRule.Copied, Codes: ["list", "carousel"]),
        new("entities", "e", TranscriptFieldRule.Copied),
        new("value", "v", TranscriptFieldRule.Copied),
        new("valueType", "vt", TranscriptFieldRule.Copied),
        new("name", "n", TranscriptFieldRule.Copied),
        new("channelData", "cd", TranscriptFieldRule.Copied),
        new("speak", "sp", TranscriptFieldRule.Copied),
        new("summary", "su", TranscriptFieldRule.Copied),
        new("label", "lb", TranscriptFieldRule.Copied),
        new("callerId", "ci", TranscriptFieldRule.Copied),
        new("localTimezone", "lz", TranscriptFieldRule.Copied),
        new("suggestedActions", "sa", TranscriptFieldRule.Buttons),
        new("replyToId", "rt", TranscriptFieldRule.ReplyTo),
    ];

    /// <summary>The names of <see cref="All"/>: a field with another name goes under <see cref="Others"/>.</summary>
    public static IReadOnlySet<string> Names { get; } = All.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
}
