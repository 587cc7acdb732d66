using System.Globalization;

namespace HelpBot.Soak;

/// <summary>Command line: --duration, --conversations, --outage, --bot (path of the Release HelpBot.dll), --seed.</summary>
public sealed record SoakOptions(TimeSpan Duration, int Conversations, TimeSpan Outage, string BotDll, int Seed)
{
    public static SoakOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        return new SoakOptions(
            TimeSpan.Parse(values.GetValueOrDefault("duration", "00:10:00"), CultureInfo.InvariantCulture),
            int.Parse(values.GetValueOrDefault("conversations", "6"), CultureInfo.InvariantCulture),
            TimeSpan.Parse(values.GetValueOrDefault("outage", "00:01:00"), CultureInfo.InvariantCulture),
            values.GetValueOrDefault("bot") ?? DefaultBotDll(),
            int.Parse(values.GetValueOrDefault("seed", "20261125"), CultureInfo.InvariantCulture));
    }

    // tools/HelpBot.Soak/bin/<config>/net10.0 → repository root → the host's Release build.
    private static string DefaultBotDll()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "HelpBot.sln")))
        {
            root = root.Parent;
        }

        return root is null
            ? "HelpBot.dll"
            : Path.Combine(root.FullName, "src", "HelpBot", "bin", "Release", "net10.0", "HelpBot.dll");
    }
}
