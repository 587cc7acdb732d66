using System.IO.Compression;
using System.Text.Json.Nodes;

namespace HelpBot.Browser.Tests;

/// <summary>manifests/teams: the package script substitutes the app id and validates against the official schema.</summary>
public sealed class TeamsPackageTests
{
    private static readonly string TeamsFolder = Path.Combine(NodeScript.RepositoryRoot, "manifests", "teams");

    [Fact]
    public async Task Template_is_valid_against_the_Teams_schema()
    {
        var (exitCode, output) = await BuildPackageAsync("00000000-0000-0000-0000-0000000000aa", Path.Combine(Path.GetTempPath(), $"helpbot-teams-{Guid.NewGuid():N}.zip"));
        Assert.True(exitCode == 0, output);
        var (validateExit, validateOutput) = await NodeScript.RunInAsync(TeamsFolder, "node", ["validate.js"], new Dictionary<string, string>(), TimeSpan.FromMinutes(2));
        Assert.True(validateExit == 0, validateOutput);
    }

    [Fact]
    public async Task Package_holds_the_manifest_with_the_app_id_and_both_icons()
    {
        const string appId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
        var zip = Path.Combine(Path.GetTempPath(), $"helpbot-teams-{Guid.NewGuid():N}.zip");
        try
        {
            var (exitCode, output) = await BuildPackageAsync(appId, zip);
            Assert.True(exitCode == 0, output);

            using var archive = ZipFile.OpenRead(zip);
            Assert.Equal(["color.png", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
            using var reader = new StreamReader(archive.GetEntry("manifest.json")!.Open());
            var manifest = JsonNode.Parse(await reader.ReadToEndAsync())!;
            Assert.Equal(appId, (string?)manifest["id"]);
            Assert.Equal(appId, (string?)manifest["bots"]![0]!["botId"]);
            Assert.Equal(["personal"], manifest["bots"]![0]!["scopes"]!.AsArray().Select(s => (string?)s));
        }
        finally
        {
            File.Delete(zip);
        }
    }

    [Fact]
    public async Task Package_script_refuses_an_app_id_that_is_not_a_guid()
    {
        var (exitCode, output) = await BuildPackageAsync("not-a-guid", Path.Combine(Path.GetTempPath(), "unused.zip"));
        Assert.True(exitCode == 2, output);
    }

    // One script run at a time: the first one may install the validator's packages (npm ci).
    private static readonly SemaphoreSlim Gate = new(1, 1);

    private static async Task<(int ExitCode, string Output)> BuildPackageAsync(string appId, string zip)
    {
        await Gate.WaitAsync();
        try
        {
            return await NodeScript.RunInAsync(TeamsFolder, "bash", ["build-package.sh", appId, zip], new Dictionary<string, string>(), TimeSpan.FromMinutes(5));
        }
        finally
        {
            Gate.Release();
        }
    }
}
