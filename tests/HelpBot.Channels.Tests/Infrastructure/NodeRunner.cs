using System.Reflection;
using HelpBot.Testing.Processes;

namespace HelpBot.Channels.Tests.Infrastructure;

/// <summary>Node and npm in the directlinejs folder of this test project.</summary>
public static class NodeRunner
{
    /// <summary>The source folder holding package.json, package-lock.json and the Node scripts.</summary>
    public static string DirectLineJsDirectory { get; } = typeof(NodeRunner).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "DirectLineJsDirectory").Value!;

    private static NpmFolder Folder { get; } = new(DirectLineJsDirectory, "botframework-directlinejs");

    public static Task EnsurePackagesAsync() => Folder.EnsurePackagesAsync();

    public static Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, IDictionary<string, string> environment, TimeSpan limit) =>
        Folder.RunAsync(fileName, arguments, environment, limit);
}
