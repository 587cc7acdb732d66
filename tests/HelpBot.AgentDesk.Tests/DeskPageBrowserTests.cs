using HelpBot.AgentDesk.Tests.Infrastructure;
using Xunit.Abstractions;

namespace HelpBot.AgentDesk.Tests;

/// <summary>The desk page in headless Chromium (Debian's chromium package) driven by playwright-core.</summary>
public sealed class DeskPageBrowserTests(ITestOutputHelper output)
{
    [Fact]
    public async Task An_agent_signs_in_sees_the_case_claims_it_and_replies()
    {
        Assert.True(File.Exists("/usr/bin/chromium"), "Chromium is needed: apt-get install -y chromium");
        await NodeRunner.EnsurePackagesAsync();
        await using var channel = await ChannelRecorder.StartAsync();
        await using var server = await DeskServer.StartAsync(channel.BaseUrl);
        const string conversation = "browser-desk";
        await server.SayAsync(conversation, "<img src=x onerror=alert(1)>");
        var caseId = await Escalations.ChargedButUnpaidAsync(server, conversation, ("image/png", TestImages.PngDataUrl));

        var profile = Directory.CreateTempSubdirectory("desk-chromium-");
        try
        {
            const string reply = "已核实：重复扣款会自动退回。";
            var (exitCode, log) = await NodeRunner.RunAsync(
                "node",
                ["desk.js"],
                new Dictionary<string, string>
                {
                    ["DESK_URL"] = server.Address.AbsoluteUri,
                    ["DESK_TOKEN"] = DeskServer.Token,
                    ["CASE_ID"] = caseId,
                    ["REPLY_TEXT"] = reply,
                    ["USER_DATA_DIR"] = profile.FullName,
                },
                TimeSpan.FromMinutes(3));
            output.WriteLine(log);
            Assert.True(exitCode == 0, $"desk.js exited {exitCode}:\n{log}");

            await channel.WaitForMessageAsync(conversation, "Desk Tester");
            await channel.WaitForMessageAsync(conversation, reply);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
