using Microsoft.Extensions.Time.Testing;

namespace HelpBot.Platform.Tests.Infrastructure;

internal static class TestClock
{
    /// <summary>A fixed start (10:00 in Shanghai), so seed times can be asserted exactly.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create() => new(Start);
}
