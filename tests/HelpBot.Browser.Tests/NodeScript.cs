using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace HelpBot.Browser.Tests;

/// <summary>Runs npm and Node in this project's browser folder, capturing their output.</summary>
public static class NodeScript
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    /// <summary>The source folder holding package.json, package-lock.json and the script.</summary>
    public static string Directory { get; } = Metadata("BrowserScriptDirectory");

    /// <summary>The repository root: screenshots go to artifacts/test-results there, next to the test results.</summary>
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    /// <summary>Runs "npm ci" once when playwright-core is not installed.</summary>
    public static async Task EnsurePackagesAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            if (System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "playwright-core")))
                return;
            var (exitCode, output) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--ignore-scripts"], new Dictionary<string, string>(), TimeSpan.FromMinutes(5));
            Assert.True(exitCode == 0, $"npm ci failed ({exitCode}):\n{output}");
        }
        finally
        {
            InstallGate.Release();
        }
    }

    /// <summary>Runs a program in the browser folder; the limit only guards against a hang.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, IDictionary<string, string> environment, TimeSpan limit) =>
        RunInAsync(Directory, fileName, arguments, environment, limit);

    /// <summary>Runs a program in a folder; the limit only guards against a hang.</summary>
    public static async Task<(int ExitCode, string Output)> RunInAsync(string workingDirectory, string fileName, IEnumerable<string> arguments, IDictionary<string, string> environment, TimeSpan limit)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Append(output, $"[killed after {limit}]");
        }

        // Let the asynchronous readers drain.
        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static string Metadata(string key) => typeof(NodeScript).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == key).Value!;

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
            return;
        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
