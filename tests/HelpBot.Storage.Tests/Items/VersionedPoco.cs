namespace HelpBot.Storage.Tests.Items;

/// <summary>Not an IStoreItem, but carries an ETag property (serialised as "ETag").</summary>
public sealed class VersionedPoco
{
    public string? Text { get; set; }

    public string? ETag { get; set; }
}
