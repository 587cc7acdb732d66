using HelpBot.AgentDesk.Cases;
using HelpBot.Dialogs.Accounts;
using HelpBot.Dialogs.Turns;
using HelpBot.Language;
using HelpBot.Platform.DependencyInjection;
using HelpBot.Platform.Sandbox;
using HelpBot.Platform.Sandbox.Admin;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HelpBot.Stories.Tests;

/// <summary>
/// One story run's world: its own sandbox platform (real HTTP on a loopback port) set up as the story says, and the
/// real bot (dialogs, agent desk, in-memory state) talking to it through the Refit clients.
/// </summary>
public sealed class StoryHost : IAsyncDisposable
{
    // Training takes seconds; every run in this process shares one trained model (it is read-only).
    private static readonly Lazy<IHelpBotRecognizer> Recognizer = new(() => new HelpBotRecognizer());

    private readonly ServiceProvider _services;

    private StoryHost(SandboxPlatformServer sandbox, ServiceProvider services)
    {
        Sandbox = sandbox;
        _services = services;
    }

    public SandboxPlatformServer Sandbox { get; }

    public IBot Bot => _services.GetRequiredService<IBot>();

    public CaseStore Cases => _services.GetRequiredService<AgentDeskService>().Cases;

    public AccountLinkStore Links => _services.GetRequiredService<AccountLinkStore>();

    public static async Task<StoryHost> StartAsync(World world, CancellationToken cancellationToken)
    {
        var sandbox = new SandboxPlatformServer();
        await sandbox.StartAsync(cancellationToken);
        try
        {
            Apply(sandbox, world);
        }
        catch
        {
            await sandbox.DisposeAsync();
            throw;
        }

        var configuration = new ConfigurationBuilder().Build();
        // What the host registers for memory state (see src/HelpBot/Hosting/StateStorageExtensions.cs).
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IStorage, MemoryStorage>()
            .AddSingleton<HelpBot.Dialogs.Turns.IConversationTurnLock, HelpBot.Dialogs.Turns.KeyedAsyncLock>()
            .AddSingleton<HelpBot.AgentDesk.Transcripts.ITranscriptStore, HelpBot.AgentDesk.Transcripts.StorageTranscriptStore>();
        services.AddPlatformClients(_ => sandbox.BaseAddress);
        HelpBot.Dialogs.HelpBotDialogsServiceCollectionExtensions.AddHelpBotDialogs(services, configuration);
        services.AddSingleton(Recognizer.Value);
        return new StoryHost(sandbox, services.BuildServiceProvider());
    }

    private static void Apply(SandboxPlatformServer sandbox, World world)
    {
        foreach (var component in world.Incidents)
        {
            sandbox.State.StartIncident(new StartIncidentRequest(component, null));
        }

        foreach (var (number, o) in world.Orders)
        {
            sandbox.State.OverrideOrder(number, new OrderOverride(
                o.CopyOf, o.User, o.Merchant, o.Status, o.StatusMinutesAgo, o.Payment, o.PaymentFailure, o.PaymentChannel,
                o.Charged, o.MerchantReceived, o.MerchantStatus, o.EtaInMinutes, o.RiderLastSeenMinutesAgo, o.Address));
        }

        foreach (var fault in world.Faults)
        {
            sandbox.State.AddFault(new AddFaultRequest(fault.Path, fault.DelayMs, fault.Status));
        }

        if (world.PlatformFailsWith is { } status)
        {
            sandbox.State.AddFault(new AddFaultRequest(null, null, status));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
