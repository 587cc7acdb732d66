namespace HelpBot.Benchmark;

/// <summary>Where the built server binaries are: <c>{project}/bin/{Configuration}/net10.0/{name}.dll</c> under the repository root.</summary>
public sealed class RepositoryLayout
{
    public RepositoryLayout(string root, string configuration)
    {
        Root = root;
        Configuration = configuration;
    }

    public string Root { get; }

    public string Configuration { get; }

    public string HelpBotDll => Dll("src/HelpBot", "HelpBot");

    public string EchoBotDll => Dll("tools/HelpBot.Benchmark.EchoBot", "HelpBot.Benchmark.EchoBot");

    public string RawFloorDll => Dll("tools/HelpBot.Benchmark.RawFloor", "HelpBot.Benchmark.RawFloor");

    /// <summary>The root given, else the first directory holding HelpBot.sln above the working directory or this tool.</summary>
    public static RepositoryLayout Find(string? root, string configuration)
    {
        if (root is not null)
        {
            return new RepositoryLayout(Path.GetFullPath(root), configuration);
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "HelpBot.sln")))
                {
                    return new RepositoryLayout(dir.FullName, configuration);
                }
            }
        }

        throw new InvalidOperationException("HelpBot.sln not found above the working directory or the tool; pass --repo.");
    }

    private string Dll(string project, string name)
    {
        var path = Path.Combine(Root, project, "bin", Configuration, "net10.0", name + ".dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is missing; build it first (dotnet build {project} -c {Configuration}).", path);
    }
}
