using System.Net;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;

namespace HelpBot.EndToEnd.Tests;

/// <summary>
/// /readyz as the Kubernetes readiness probe sees it: waited for no longer than the manifest's probe timeout, a platform
/// that hangs makes the instance degraded (200), so a slow platform does not take every pod out of the Service.
/// </summary>
public sealed partial class ReadinessTests
{
    [Fact]
    public async Task A_hanging_platform_is_degraded_within_the_readiness_probe_timeout()
    {
        await using var platform = await MisbehavingPlatform.StartAsync(PlatformMisbehaviour.Hang);
        // The platform clients' own limits as shipped (Platform:TotalTimeout 8 s with retries).
        await using var server = await HelpBotServer.StartAsync(new Dictionary<string, string?>
        {
            ["Platform:BaseUrl"] = platform.BaseAddress.ToString(),
        });
        server.Http.Timeout = ReadinessProbeTimeout();

        using var ready = await server.Http.GetAsync("/readyz");
        var body = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", (string?)body["status"]);
        Assert.Equal("Degraded", (string?)body["checks"]!["platform"]!["status"]);
    }

    /// <summary>timeoutSeconds of the readinessProbe in manifests/kubernetes/deployment.yaml.</summary>
    private static TimeSpan ReadinessProbeTimeout()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "HelpBot.sln")))
        {
            folder = folder.Parent ?? throw new InvalidOperationException("The repository root (HelpBot.sln) was not found.");
        }

        var yaml = File.ReadAllText(Path.Combine(folder.FullName, "manifests", "kubernetes", "deployment.yaml"));
        var match = ReadinessTimeout().Match(yaml);
        Assert.True(match.Success, "deployment.yaml has no readinessProbe with timeoutSeconds.");
        return TimeSpan.FromSeconds(int.Parse(match.Groups["seconds"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    // The readinessProbe block up to its timeoutSeconds (no other probe's keys in between).
    [GeneratedRegex(@"readinessProbe:(?:(?!Probe:)[\s\S])*?timeoutSeconds:\s*(?<seconds>\d+)")]
    private static partial Regex ReadinessTimeout();
}
