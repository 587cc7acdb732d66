namespace HelpBot.Platform.Models;

/// <summary>Current platform incidents. An empty list means every component is healthy.</summary>
public sealed record PlatformStatus(IReadOnlyList<Incident> Incidents);

/// <summary>
/// An ongoing incident. <paramref name="Component"/> is one of <see cref="PlatformComponents"/>.
/// <paramref name="Messages"/> holds the customer-facing message by locale ("zh-CN", "en-US").
/// </summary>
public sealed record Incident(string Id, string Component, DateTimeOffset Since, IReadOnlyDictionary<string, string> Messages);

public static class PlatformComponents
{
    public const string App = "app";
    public const string Ordering = "ordering";
    public const string Payment = "payment";
    public const string Delivery = "delivery";
}

public sealed record AppVersions(IReadOnlyList<AppPlatformVersion> Platforms);

/// <summary>Versions of the customer app on one platform ("ios", "android", "harmony").</summary>
public sealed record AppPlatformVersion(string Platform, string Latest, string MinimumSupported);
