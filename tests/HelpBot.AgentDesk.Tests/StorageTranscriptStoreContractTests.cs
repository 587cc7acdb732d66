using HelpBot.AgentDesk.Transcripts;
using IStorage = Microsoft.Bot.Builder.IStorage;
using MemoryStorage = Microsoft.Bot.Builder.MemoryStorage;
using Microsoft.Extensions.Options;

namespace HelpBot.AgentDesk.Tests;

/// <summary>The transcript contract on <see cref="StorageTranscriptStore"/> over MemoryStorage (the run without Redis).</summary>
public sealed class StorageTranscriptStoreContractTests : TranscriptStoreContractTests
{
    protected override ITranscriptStore CreateStore(AgentDeskOptions options, object? shared = null) =>
        new StorageTranscriptStore((shared as IStorage) ?? new MemoryStorage(), Options.Create(options));

    protected override object NewSharedBackend() => new MemoryStorage();
}
