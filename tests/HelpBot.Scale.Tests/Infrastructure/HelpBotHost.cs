namespace HelpBot.Scale.Tests.Infrastructure;

/// <summary>Where the built host is, and which dotnet runs it.</summary>
public static class HelpBotHost
{
    /// <summary>Written by the test project's build (target WriteHelpBotHostPath) from the host project's GetTargetPath.</summary>
    public const string PathFileName = "helpbot-host-path.txt";

    public static string AssemblyPath { get; } = FindAssembly();

    /// <summary>The dotnet that runs the tests (the SDK sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    public static string DotnetPath { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet"
                ? self
                : "dotnet";

    private static string FindAssembly()
    {
        var pathFile = Path.Combine(AppContext.BaseDirectory, PathFileName);
        if (!File.Exists(pathFile))
        {
            throw new InvalidOperationException($"{pathFile} is missing: build tests/HelpBot.Scale.Tests (it records where src/HelpBot was built).");
        }

        var assembly = File.ReadAllText(pathFile).Trim();
        return File.Exists(assembly)
            ? assembly
            : throw new InvalidOperationException($"The host assembly {assembly} named in {pathFile} does not exist; build src/HelpBot.");
    }
}
