namespace HelpBot.Storage.Tests.Items;

/// <summary>A plain object: no ETag, so every write overwrites.</summary>
public sealed class PocoItem
{
    public string? Id { get; set; }

    public int Count { get; set; }

    public DateTimeOffset? When { get; set; }

    public List<string> Tags { get; set; } = [];
}
