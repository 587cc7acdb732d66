namespace HelpBot.Language.Tests.Support;

/// <summary>A clock stopped at one instant, in UTC, so relative times resolve the same way on every run.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
