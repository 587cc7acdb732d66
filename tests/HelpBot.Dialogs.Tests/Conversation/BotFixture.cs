using ITranscriptStore = HelpBot.AgentDesk.Transcripts.ITranscriptStore;
using StorageTranscriptStore = HelpBot.AgentDesk.Transcripts.StorageTranscriptStore;
using HelpBot.Dialogs.Localization;
using HelpBot.Dialogs.Turns;
using HelpBot.Language;
using HelpBot.Platform.DependencyInjection;
using HelpBot.Platform.Sandbox;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HelpBot.Dialogs.Tests.Conversation;

/// <summary>
/// The real conversation (bot, dialogs, state in MemoryStorage) wired to the embedded sandbox platform over real HTTP.
/// Each test gets its own sandbox and bot, so tests do not share orders, state or incidents.
/// </summary>
public sealed class BotFixture : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private BotFixture(ServiceProvider services, SandboxPlatformServer sandbox)
    {
        _services = services;
        Sandbox = sandbox;
    }

    /// <summary>Training takes a second or two, so all tests in this process share one trained model.</summary>
    public static Lazy<IHelpBotRecognizer> SharedRecognizer { get; } = new(() => new HelpBotRecognizer());

    public SandboxPlatformServer Sandbox { get; }

    public IBot Bot => _services.GetRequiredService<IBot>();

    /// <param name="configure">Replaces services after the real ones are registered (a seam such as the recognizer).</param>
    public static async Task<BotFixture> StartAsync(Action<IServiceCollection>? configure = null)
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
        services.AddSingleton(SharedRecognizer.Value);
        configure?.Invoke(services);
        return new BotFixture(services.BuildServiceProvider(), sandbox);
    }

    /// <summary>A conversation as <paramref name="userId"/> on a channel that vouches for the user ("test").</summary>
    public TestFlow Conversation(string userId = "demo-user", string language = BotLanguage.Chinese, string? conversationId = null)
    {
        var reference = TestAdapter.CreateConversation(conversationId ?? Guid.NewGuid().ToString("N"), userId, "helpbot");
        var adapter = new TestAdapter(reference) { Locale = language };
        return new TestFlow(adapter, Bot.OnTurnAsync);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}

public static class ReplyAssertions
{
    /// <summary>Asserts the next reply is a message containing every fragment.</summary>
    public static TestFlow AssertReplyContains(this TestFlow flow, params string[] fragments) =>
        flow.AssertReply(
            activity =>
            {
                var text = ((IMessageActivity)activity).Text ?? string.Empty;
                foreach (var fragment in fragments)
                {
                    Assert.True(text.Contains(fragment, StringComparison.Ordinal), $"Expected the reply to contain \"{fragment}\" but it was:\n{text}");
                }
            },
            $"reply containing {string.Join(", ", fragments)}");

    public static TestFlow AssertReplyLacks(this TestFlow flow, params string[] fragments) =>
        flow.AssertReply(
            activity =>
            {
                var text = ((IMessageActivity)activity).Text ?? string.Empty;
                foreach (var fragment in fragments)
                {
                    Assert.False(text.Contains(fragment, StringComparison.Ordinal), $"The reply must not contain \"{fragment}\":\n{text}");
                }
            },
            $"reply without {string.Join(", ", fragments)}");

    /// <summary>Asserts the next reply contains every fragment and offers every button title.</summary>
    public static TestFlow AssertReplyWithButtons(this TestFlow flow, string[] fragments, params string[] buttons) =>
        flow.AssertReply(
            activity =>
            {
                var message = (IMessageActivity)activity;
                var text = message.Text ?? string.Empty;
                foreach (var fragment in fragments)
                {
                    Assert.True(text.Contains(fragment, StringComparison.Ordinal), $"Expected the reply to contain \"{fragment}\" but it was:\n{text}");
                }

                var actual = message.SuggestedActions?.Actions?.Select(a => a.Title).ToList() ?? [];
                foreach (var title in buttons)
                {
                    Assert.True(actual.Contains(title), $"Expected a button \"{title}\"; the buttons were: {string.Join(" | ", actual)}");
                }
            },
            $"reply with buttons {string.Join(", ", buttons)}");
}
