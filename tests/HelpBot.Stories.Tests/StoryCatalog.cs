using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace HelpBot.Stories.Tests;

/// <summary>
/// Every story in tests/stories/*.yaml, read from the source tree (not copied into the build), so a new or edited
/// story runs without a rebuild. <c>HELPBOT_STORIES</c> names another folder.
/// </summary>
public static class StoryCatalog
{
    private static readonly Lazy<Catalog> Loaded = new(Load);

    public static IReadOnlyList<Story> Stories => Loaded.Value.Stories;

    /// <summary>Files that could not be read, with the parser's message.</summary>
    public static IReadOnlyList<string> LoadErrors => Loaded.Value.Errors;

    public static string Folder => Loaded.Value.Folder;

    public static Story Find(string fullId) =>
        Stories.FirstOrDefault(s => s.FullId == fullId) ?? throw new InvalidOperationException($"No story {fullId}.");

    private static Catalog Load()
    {
        var folder = Environment.GetEnvironmentVariable("HELPBOT_STORIES") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(RepositoryRoot(), "tests", "stories");
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .Build();

        var stories = new List<Story>();
        var errors = new List<string>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(folder, path);
            try
            {
                var file = deserializer.Deserialize<StoryFile>(File.ReadAllText(path)) ?? new StoryFile();
                var area = string.IsNullOrWhiteSpace(file.Area) ? Path.GetFileNameWithoutExtension(path) : file.Area;
                foreach (var story in file.Stories)
                {
                    story.Area = area;
                    story.File = name;
                    stories.Add(story);
                }
            }
            catch (YamlException ex)
            {
                errors.Add($"{name}: {ex.Message} {ex.InnerException?.Message}");
            }
        }

        return new Catalog(folder, stories, errors);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HelpBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("HelpBot.sln not found above " + AppContext.BaseDirectory + "; set HELPBOT_STORIES.");
    }

    private sealed record Catalog(string Folder, IReadOnlyList<Story> Stories, IReadOnlyList<string> Errors);
}
