using Xunit;

namespace HelpBot.Testing.Processes;

/// <summary>
/// A folder with package.json and package-lock.json whose Node scripts a test runs: "npm ci" once (when
/// <paramref name="markerPackage"/> is not installed yet), then scripts run in the folder.
/// </summary>
public sealed class NpmFolder(string directory, string markerPackage)
{
    private readonly SemaphoreSlim _installGate = new(1, 1);

    public string Directory { get; } = directory;

    public async Task EnsurePackagesAsync()
    {
        await _installGate.WaitAsync();
        try
        {
            if (System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", markerPackage)))
            {
                return;
            }

            var (exitCode, output) = await ExternalProcess.RunAsync(
                Directory, "npm", ["ci", "--no-audit", "--no-fund", "--ignore-scripts"], null, TimeSpan.FromMinutes(5));
            Assert.True(exitCode == 0, $"npm ci in {Directory} failed ({exitCode}):\n{output}");
        }
        finally
        {
            _installGate.Release();
        }
    }

    public Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, IDictionary<string, string> environment, TimeSpan limit) =>
        ExternalProcess.RunAsync(Directory, fileName, arguments, environment, limit);
}
