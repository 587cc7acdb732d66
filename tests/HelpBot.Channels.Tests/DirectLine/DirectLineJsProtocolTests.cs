using HelpBot.Channels.Tests.Infrastructure;
using Xunit.Abstractions;

namespace HelpBot.Channels.Tests.DirectLine;

/// <summary>The official botframework-directlinejs client, run by Node, against the embedded channel.</summary>
public sealed class DirectLineJsProtocolTests
{
    private readonly ITestOutputHelper _output;

    public DirectLineJsProtocolTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task DirectLineJs_gets_a_token_connects_by_WebSocket_and_receives_the_echo()
    {
        await NodeRunner.EnsurePackagesAsync();
        await using var host = await DirectLineTestHost.StartAsync();

        var (exitCode, output) = await NodeRunner.RunAsync(
            "node",
            ["echo-roundtrip.js"],
            new Dictionary<string, string>
            {
                ["DIRECTLINE_URL"] = host.BaseUrl.AbsoluteUri,
                ["DIRECTLINE_SECRET"] = DirectLineTestHost.Secret,
            },
            TimeSpan.FromMinutes(2));

        _output.WriteLine(output);
        Assert.True(exitCode == 0, $"echo-roundtrip.js exited {exitCode}:\n{output}");
    }
}
