using HelpBot.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace HelpBot.Storage.Tests.Contract;

/// <summary>The host's in-memory engine: MemoryStorage with idle expiry and a bound must keep its contract.</summary>
public sealed class ExpiringMemoryStorageContractTests : StorageContractTests
{
    protected override IStorage Storage { get; } = new ExpiringMemoryStorage(Options.Create(new MemoryStateOptions()), TimeProvider.System);
}
