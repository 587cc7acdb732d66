namespace HelpBot.Language.Tests.Support;

/// <summary>One trained recognizer for all test classes (training takes about a second; the recognizer is thread-safe).</summary>
public static class SharedRecognizer
{
    public static readonly DateTimeOffset Now = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<HelpBotRecognizer> Lazy = new(() => new HelpBotRecognizer(new FixedTimeProvider(Now)));

    public static HelpBotRecognizer Instance => Lazy.Value;
}
