using System.Reflection;
using HelpBot.Testing.Processes;

namespace HelpBot.AgentDesk.Tests.Infrastructure;

/// <summary>Node and npm in this project's browser folder (the desk page test).</summary>
public static class NodeRunner
{
    public static string BrowserDirectory { get; } = typeof(NodeRunner).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "DeskBrowserDirectory").Value!;

    private static NpmFolder Folder { get; } = new(BrowserDirectory, "playwright-core");

    public static Task EnsurePackagesAsync() => Folder.EnsurePackagesAsync();

    public static Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, IDictionary<string, string> environment, TimeSpan limit) =>
        Folder.RunAsync(fileName, arguments, environment, limit);
}
