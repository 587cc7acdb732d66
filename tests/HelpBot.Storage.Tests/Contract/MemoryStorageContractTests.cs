using Microsoft.Bot.Builder;

namespace HelpBot.Storage.Tests.Contract;

/// <summary>The reference: Bot Framework's own MemoryStorage must pass the contract as written.</summary>
public sealed class MemoryStorageContractTests : StorageContractTests
{
    protected override IStorage Storage { get; } = new MemoryStorage();
}
