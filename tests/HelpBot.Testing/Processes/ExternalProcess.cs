using System.Diagnostics;
using System.Text;

namespace HelpBot.Testing.Processes;

/// <summary>Runs a program (node, npm, bash) to completion and captures its output, for tests that drive Node scripts.</summary>
public static class ExternalProcess
{
    /// <summary>Runs <paramref name="fileName"/> in <paramref name="workingDirectory"/>; the limit only guards against a hang.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string workingDirectory, string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

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
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
