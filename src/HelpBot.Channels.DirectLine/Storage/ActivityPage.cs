namespace HelpBot.Channels.DirectLine.Storage;

/// <summary>Activities after a watermark, and the watermark the reader should send next time.</summary>
public sealed record ActivityPage(IReadOnlyList<StoredActivity> Activities, long Watermark);
