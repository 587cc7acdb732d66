using System.Text.Json;
using HelpBot.Platform.Sandbox;
using HelpBot.Platform.Sandbox.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace HelpBot.EndToEnd.Tests.Deployment;

/// <summary>
/// A slow platform must not take the bot out of service: /readyz answers within the Kubernetes readiness probe's
/// timeout (manifests/kubernetes/deployment.yaml: 3 s) and says Degraded, so the pod stays behind the Service.
/// </summary>
public sealed class ReadinessWithSlowPlatformTests
{
    private static readonly TimeSpan ReadinessProbeTimeout = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Readiness_answers_degraded_within_the_probe_timeout_while_the_platform_hangs()
    {
        await using var server = await HelpBotServer.StartAsync();
        var sandbox = server.Services.GetRequiredService<SandboxPlatformServer>();
        sandbox.State.AddFault(new AddFaultRequest("/api/v1/status", DelayMs: 20_000, StatusCode: null));

        // The probe's own limit, as the kubelet applies it: no answer in time counts as a failed probe.
        using var probe = new HttpClient { BaseAddress = server.Address, Timeout = ReadinessProbeTimeout };
        using var response = await probe.GetAsync("/readyz");
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.IsSuccessStatusCode, $"/readyz answered {(int)response.StatusCode}: {body}");
        using var report = JsonDocument.Parse(body);
        Assert.Equal("Degraded", report.RootElement.GetProperty("status").GetString());
        Assert.Equal("Degraded", report.RootElement.GetProperty("checks").GetProperty("platform").GetProperty("status").GetString());
    }
}
