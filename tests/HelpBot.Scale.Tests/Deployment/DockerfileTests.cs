using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace HelpBot.Scale.Tests.Deployment;

/// <summary>
/// The Dockerfile, checked offline (no container engine here): a multi-stage build whose final stage is the runtime
/// image only, runs as the same non-root user and port as the SDK-built image and the Deployment, and copies every
/// project the host needs for its restore layer.
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(Repository.Root, "Dockerfile"))
        .Select(l => l.Trim())
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .ToArray();

    [Fact]
    public void The_build_is_multi_stage_and_the_final_stage_is_the_aspnet_runtime_without_the_sdk()
    {
        var stages = Stages();
        Assert.True(stages.Count >= 2, "expected a build stage and a final stage");
        Assert.Contains("dotnet/sdk:", stages[0][0], StringComparison.Ordinal);

        var final = stages[^1];
        Assert.Matches(FromAspNetRuntime(), final[0]);
        Assert.DoesNotContain(final, line => line.Contains("dotnet/sdk", StringComparison.Ordinal));
        Assert.Contains(final, line => line.StartsWith("COPY --from=build", StringComparison.Ordinal));
        // The final stage installs nothing: what runs is the runtime image plus the published app.
        Assert.DoesNotContain(final, line => line.StartsWith("RUN ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_final_stage_runs_as_the_same_non_root_user_port_and_entrypoint_as_the_sdk_image()
    {
        var final = Stages()[^1];
        var project = XDocument.Load(Repository.HostProject);
        var property = (string name) => project.Descendants(name).Single().Value;

        var user = Assert.Single(final, line => line.StartsWith("USER ", StringComparison.Ordinal))["USER ".Length..];
        Assert.Equal(property("ContainerUser"), user);
        Assert.NotEqual("0", user);
        Assert.True(Array.IndexOf(final.ToArray(), final.Single(l => l.StartsWith("USER ", StringComparison.Ordinal))) > final.FindLastIndex(l => l.StartsWith("COPY", StringComparison.Ordinal)), "USER must come after the files are copied");

        var port = project.Descendants("ContainerPort").Single().Attribute("Include")!.Value;
        Assert.Contains($"EXPOSE {port}", final);
        Assert.Contains(final, line => line.Contains($"ASPNETCORE_HTTP_PORTS={port}", StringComparison.Ordinal));
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"HelpBot.dll\"]", final);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", property("ContainerBaseImage"));
        Assert.Contains(property("ContainerBaseImage"), final[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_restore_layer_copies_every_source_project_and_the_build_settings()
    {
        var build = Stages()[0];
        var projects = Directory.GetFiles(Path.Combine(Repository.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Repository.Root, p).Replace('\\', '/'));
        foreach (var project in projects)
        {
            Assert.Contains(build, line => line.StartsWith($"COPY {project} ", StringComparison.Ordinal));
        }

        Assert.Contains(build, line => line.StartsWith("COPY global.json NuGet.Config Directory.Build.props Directory.Packages.props", StringComparison.Ordinal));
        Assert.Contains("COPY build/ build/", build); // the placeholder feed NuGet.Config points at

        // The build context leaves out outputs and the repository's history.
        var ignored = File.ReadAllLines(Path.Combine(Repository.Root, ".dockerignore"));
        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains(".git/", ignored);
    }

    private static List<List<string>> Stages()
    {
        var stages = new List<List<string>>();
        foreach (var line in Lines)
        {
            if (line.StartsWith("FROM ", StringComparison.Ordinal))
            {
                stages.Add([]);
            }

            if (stages.Count > 0)
            {
                stages[^1].Add(line);
            }
        }

        return stages;
    }

    [GeneratedRegex(@"^FROM mcr\.microsoft\.com/dotnet/aspnet:\S+")]
    private static partial Regex FromAspNetRuntime();
}
