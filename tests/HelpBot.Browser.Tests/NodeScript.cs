using System.Reflection;
using HelpBot.Testing.Processes;

namespace HelpBot.Browser.Tests;

/// <summary>npm and Node in this project's browser folder, and in other folders of the repository.</summary>
public static class NodeScript
{
    /// <summary>The source folder holding package.json, package-lock.json and the script.</summary>
    public static string Directory { get; } = Metadata("BrowserScriptDirectory");

    /// <summary>The repository root: screenshots go to artifacts/test-results there, next to the test results.</summary>
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    private static NpmFolder Folder { get; } = new(Directory, "playwright-core");

    public static Task EnsurePackagesAsync() => Folder.EnsurePackagesAsync();

    public static Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, IDictionary<string, string> environment, TimeSpan limit) =>
        Folder.RunAsync(fileName, arguments, environment, limit);

    public static Task<(int ExitCode, string Output)> RunInAsync(string workingDirectory, string fileName, IEnumerable<string> arguments, IDictionary<string, string> environment, TimeSpan limit) =>
        ExternalProcess.RunAsync(workingDirectory, fileName, arguments, environment, limit);

    private static string Metadata(string key) => typeof(NodeScript).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == key).Value!;
}
