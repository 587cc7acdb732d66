using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace HelpBot.Channels.Tests.Infrastructure;

/// <summary>Runs Node and npm in the directlinejs folder of this test project, capturing their output.</summary>
public static class NodeRunner
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    /// <summary>The source folder holding package.json, package-lock.json and the Node scripts.</summary>
    public static string DirectLineJsDirectory { get; } = typeof(NodeRunner).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "DirectLineJsDirectory").Value!;

    /// <summary>Runs "npm ci" once when node_modules is missing.</summary>
    public static async Task EnsurePackagesAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(DirectLineJsDirectory, "node_modules", "botframework-directlinejs")))
                return;
            var (exitCode, output) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], new Dictionary<string, string>(), TimeSpan.FromMinutes(5));
            Assert.True(exitCode == 0, $"npm ci failed ({exitCode}):\n{output}");
        }
        finally
        {
            InstallGate.Release();
        }
    }

    /// <summary>Runs a program in the directlinejs folder; the limit only guards against a hang.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, IDictionary<string, string> environment, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = DirectLineJsDirectory,
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
