using System.Reflection;

namespace HelpBot.Scale.Tests.Deployment;

/// <summary>Where the sources are, and the configuration the tests were built in (from the test project's build).</summary>
public static class Repository
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    public static string Configuration { get; } = Metadata("Configuration");

    public static string HostProject { get; } = Path.Combine(Root, "src", "HelpBot", "HelpBot.csproj");

    private static string Metadata(string key) => typeof(Repository).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == key).Value!;
}
