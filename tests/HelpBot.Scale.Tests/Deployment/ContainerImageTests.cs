using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using HelpBot.Scale.Tests.Infrastructure;

namespace HelpBot.Scale.Tests.Deployment;

/// <summary>
/// The SDK's container build (HelpBot.csproj's container settings, target PublishContainer) producing an OCI image
/// archive without a Docker daemon, for real: the base image comes from <see cref="LoopbackImageRegistry"/> instead of
/// mcr.microsoft.com (no network here or in CI), everything else is the production build. The archive is then read
/// as a registry would: digests, the image config the Deployment relies on (non-root user, port, entrypoint), the
/// application layer on top of the base layer.
/// </summary>
public sealed class ContainerImageTests
{
    private static readonly TimeSpan PublishLimit = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Publish_container_builds_an_oci_archive_without_a_daemon_that_runs_helpbot_as_non_root_on_8080()
    {
        await using var registry = await LoopbackImageRegistry.StartAsync();
        var work = Directory.CreateTempSubdirectory("helpbot-container-");
        try
        {
            var archive = Path.Combine(work.FullName, "helpbot.tar.gz");
            var (exitCode, output) = await PublishContainerAsync(registry, work.FullName, archive);
            Assert.True(exitCode == 0, $"dotnet publish /t:PublishContainer exited with {exitCode}:{Environment.NewLine}{output}");
            Assert.True(File.Exists(archive), output);

            var blobs = ReadOciLayout(archive, out var index);
            foreach (var (digest, content) in blobs)
            {
                Assert.Equal(digest, LoopbackImageRegistry.Digest(content)); // content-addressed, as a registry checks
            }

            var manifestDigest = (string)index["manifests"]![0]!["digest"]!;
            var manifest = JsonNode.Parse(blobs[manifestDigest])!;
            var config = JsonNode.Parse(blobs[(string)manifest["config"]!["digest"]!])!;
            var image = config["config"]!;

            Assert.Equal("linux", (string?)config["os"]);
            Assert.Equal("amd64", (string?)config["architecture"]);
            Assert.Equal("1654", (string?)image["User"]); // numeric: runAsNonRoot can check it (deployment.yaml runAsUser)
            Assert.NotNull(image["ExposedPorts"]?["8080/tcp"]);
            Assert.Contains("ASPNETCORE_HTTP_PORTS=8080", image["Env"]!.AsArray().Select(e => (string?)e));
            Assert.Equal("/app", ((string?)image["WorkingDir"])?.TrimEnd('/'));
            var entrypoint = image["Entrypoint"]!.AsArray().Select(e => (string)e!).ToArray();
            Assert.Equal(new[] { "dotnet", "/app/HelpBot.dll" }, entrypoint);
            Assert.Equal(registry.BaseImage, (string?)image["Labels"]?["org.opencontainers.image.base.name"]);

            // The base image's layer first, then the application's with everything the host serves and reads.
            var layers = manifest["layers"]!.AsArray().Select(l => (string)l!["digest"]!).ToList();
            Assert.Equal(registry.BaseLayerDigest, layers[0]);
            var files = layers.Skip(1).SelectMany(layer => LayerFiles(blobs[layer])).ToHashSet(StringComparer.Ordinal);
            foreach (var file in new[] { "app/HelpBot.dll", "app/HelpBot.runtimeconfig.json", "app/appsettings.json", "app/wwwroot/index.html", "app/wwwroot/app.js", "app/wwwroot/lib/botframework-webchat/webchat.js", "app/HelpBot.Language.dll" })
            {
                Assert.Contains(file, files);
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    // The host is already built (the solution build or this project's reference); publish only packs it. MSBuild
    // variables of the test run's own build are removed so the child is an ordinary command-line publish.
    private static async Task<(int ExitCode, string Output)> PublishContainerAsync(LoopbackImageRegistry registry, string work, string archive)
    {
        var start = new ProcessStartInfo(HelpBotHost.DotnetPath)
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "publish", Repository.HostProject, "-c", Repository.Configuration, "--no-build", "--nologo", "-nodeReuse:false",
            "-t:PublishContainer",
            $"-p:PublishDir={Path.Combine(work, "publish")}/",
            $"-p:ContainerBaseImage={registry.BaseImage}",
            $"-p:ContainerArchiveOutputPath={archive}",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("_MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // Plain HTTP to the loopback registry straight away (the SDK would try HTTPS first).
        start.Environment["DOTNET_CONTAINER_INSECURE_REGISTRIES"] = registry.Authority;

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(PublishLimit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static Dictionary<string, byte[]> ReadOciLayout(string archive, out JsonNode index)
    {
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var file = File.OpenRead(archive))
        using (var reader = new TarReader(file))
        {
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.DataStream is null)
                {
                    continue;
                }

                using var content = new MemoryStream();
                entry.DataStream.CopyTo(content);
                entries[entry.Name.TrimStart('.', '/')] = content.ToArray();
            }
        }

        Assert.Contains("oci-layout", entries.Keys);
        index = JsonNode.Parse(entries["index.json"])!;
        return entries.Where(e => e.Key.StartsWith("blobs/sha256/", StringComparison.Ordinal))
            .ToDictionary(e => "sha256:" + e.Key["blobs/sha256/".Length..], e => e.Value, StringComparer.Ordinal);
    }

    private static IEnumerable<string> LayerFiles(byte[] layer)
    {
        using var gzip = new GZipStream(new MemoryStream(layer), CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        var names = new List<string>();
        while (reader.GetNextEntry() is { } entry)
        {
            names.Add(entry.Name.TrimStart('.', '/'));
        }

        return names;
    }
}
