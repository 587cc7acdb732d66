using ITranscriptStore = HelpBot.AgentDesk.Transcripts.ITranscriptStore;
using StorageTranscriptStore = HelpBot.AgentDesk.Transcripts.StorageTranscriptStore;
using HelpBot.Dialogs;
using HelpBot.Dialogs.Turns;
using HelpBot.Language;
using HelpBot.Platform.DependencyInjection;
using HelpBot.Platform.Sandbox;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HelpBot.Benchmark.Micro;

/// <summary>
/// The conversation as the host composes it (bot, dialogs, recognizer, resilient Refit clients), with MemoryStorage
/// and the embedded sandbox platform over loopback HTTP: the same pieces the dialog tests use.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private BotHarness(ServiceProvider services, SandboxPlatformServer sandbox)
    {
        _services = services;
        Sandbox = sandbox;
    }

    public SandboxPlatformServer Sandbox { get; }

    public IServiceProvider Services => _services;

    public IBot Bot => _services.GetRequiredService<IBot>();

    public IStorage Storage => _services.GetRequiredService<IStorage>();

    public static async Task<BotHarness> StartAsync()
    {
        var sandbox = new SandboxPlatformServer();
        await sandbox.StartAsync(CancellationToken.None);
        var configuration = new ConfigurationBuilder().Build();
        // What the host registers for memory state (see src/HelpBot/Hosting/StateStorageExtensions.cs).
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IStorage, MemoryStorage>()
            .AddSingleton<IConversationTurnLock, KeyedAsyncLock>()
            .AddSingleton<ITranscriptStore, StorageTranscriptStore>();
        services.AddPlatformClients(_ => sandbox.BaseAddress);
        services.AddHelpBotDialogs(configuration);
        var provider = services.BuildServiceProvider();

        // Train the recognizer now, not in the first measured call.
        provider.GetRequiredService<IHelpBotRecognizer>();
        return new BotHarness(provider, sandbox);
    }

    /// <summary>Sends the messages as one new conversation of demo-user on the "test" channel; returns its storage key.</summary>
    public async Task<string> ConverseAsync(string locale, string conversationId, IEnumerable<string> messages)
    {
        var reference = TestAdapter.CreateConversation(conversationId, "demo-user", "helpbot");
        var adapter = new TestAdapter(reference) { Locale = locale };
        foreach (var message in messages)
        {
            await adapter.SendTextToBotAsync(message, Bot.OnTurnAsync, CancellationToken.None);
        }

        return $"{reference.ChannelId}/conversations/{conversationId}";
    }

    public async Task<ConversationData> LoadAsync(string key) =>
        await _services.GetRequiredService<ConversationStateStore>().LoadAsync(key, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
