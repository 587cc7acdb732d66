using System.Net.Http.Json;
using HelpBot.Platform.Apis;
using HelpBot.Platform.DependencyInjection;
using HelpBot.Platform.Sandbox;
using HelpBot.Platform.Sandbox.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace HelpBot.Platform.Tests.Infrastructure;

/// <summary>
/// One sandbox server on a free loopback port plus the Refit clients registered by <c>AddPlatformClients</c> against it,
/// exactly as the host wires them. Each test gets its own, so tests share no data and no circuit breaker.
/// </summary>
internal sealed class SandboxHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private SandboxHarness(SandboxPlatformServer server, ServiceProvider provider)
    {
        Server = server;
        _provider = provider;
        Raw = new HttpClient { BaseAddress = server.BaseAddress };
    }

    public SandboxPlatformServer Server { get; }

    /// <summary>Plain HTTP to the sandbox, for admin routes and for input the typed clients cannot send.</summary>
    public HttpClient Raw { get; }

    public IOrdersApi Orders => _provider.GetRequiredService<IOrdersApi>();

    public IMerchantBackendApi Merchants => _provider.GetRequiredService<IMerchantBackendApi>();

    public IPlatformStatusApi Status => _provider.GetRequiredService<IPlatformStatusApi>();

    public IAppVersionsApi AppVersions => _provider.GetRequiredService<IAppVersionsApi>();

    public ISupportApi Support => _provider.GetRequiredService<ISupportApi>();

    public IAccountsApi Accounts => _provider.GetRequiredService<IAccountsApi>();

    public static async Task<SandboxHarness> StartAsync(
        Action<PlatformOptions>? configureClients = null,
        TimeProvider? sandboxTime = null,
        string? sandboxApiKey = null)
    {
        var server = new SandboxPlatformServer(new SandboxPlatformOptions { ApiKey = sandboxApiKey }, sandboxTime);
        await server.StartAsync(CancellationToken.None);

        var services = new ServiceCollection();
        services.AddPlatformClients(_ => server.BaseAddress, configureClients);
        return new SandboxHarness(server, services.BuildServiceProvider(validateScopes: true));
    }

    public async Task<SandboxFault> AddFaultAsync(AddFaultRequest fault)
    {
        using var response = await Raw.PostAsJsonAsync("/sandbox/faults", fault, PlatformJson.Options);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SandboxFault>(PlatformJson.Options))!;
    }

    public async Task<int> FaultHitsAsync(string faultId)
    {
        var faults = await Raw.GetFromJsonAsync<List<SandboxFault>>("/sandbox/faults", PlatformJson.Options);
        return faults!.Single(fault => fault.Id == faultId).Hits;
    }

    public async ValueTask DisposeAsync()
    {
        Raw.Dispose();
        await _provider.DisposeAsync();
        await Server.DisposeAsync();
    }
}
