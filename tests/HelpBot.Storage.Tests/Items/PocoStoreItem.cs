using Microsoft.Bot.Builder;

namespace HelpBot.Storage.Tests.Items;

/// <summary>An <see cref="IStoreItem"/>: writes are checked against its ETag.</summary>
public sealed class PocoStoreItem : IStoreItem
{
    public string? Id { get; set; }

    public int Count { get; set; }

    public OrderStage Stage { get; set; }

    public PocoItem? Nested { get; set; }

    public Dictionary<string, int> Totals { get; set; } = [];

    public string? ETag { get; set; }
}
