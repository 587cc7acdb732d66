using HelpBot.Hosting;
using HelpBot.Platform.Apis;
using HelpBot.Platform.DependencyInjection;
using HelpBot.Platform.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HelpBot.EndToEnd.Tests;

/// <summary>How a host wires the platform: the sandbox when no base URL is configured, the configured platform otherwise.</summary>
public sealed class PlatformRegistrationTests
{
    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddPlatformOrSandbox(builder.Configuration);
        return builder.Build();
    }

    [Fact]
    public async Task Without_a_base_url_the_host_starts_the_sandbox_and_the_clients_use_it()
    {
        using var host = BuildHost([]);
        await host.StartAsync();
        try
        {
            var server = host.Services.GetRequiredService<SandboxPlatformServer>();
            var order = await host.Services.GetRequiredService<IOrdersApi>().GetOrderAsync("2611240000000001", CancellationToken.None);

            Assert.True(server.IsRunning);
            Assert.Equal("127.0.0.1", server.BaseAddress.Host);
            Assert.NotEqual(0, server.BaseAddress.Port);
            Assert.Equal("2611240000000001", order.OrderNumber);
        }
        finally
        {
            await host.StopAsync();
        }

        Assert.False(host.Services.GetRequiredService<SandboxPlatformServer>().IsRunning);
    }

    [Fact]
    public async Task With_a_base_url_and_key_the_clients_call_that_platform_with_the_bearer_token()
    {
        await using var platform = new SandboxPlatformServer(new SandboxPlatformOptions { ApiKey = "live-key" });
        await platform.StartAsync(CancellationToken.None);
        using var host = BuildHost(new()
        {
            ["Platform:BaseUrl"] = platform.BaseAddress.ToString(),
            ["Platform:ApiKey"] = "live-key",
        });
        await host.StartAsync();

        var versions = await host.Services.GetRequiredService<IAppVersionsApi>().GetAppVersionsAsync(CancellationToken.None);

        Assert.Null(host.Services.GetService<SandboxPlatformServer>());
        Assert.NotEmpty(versions.Platforms);
        await host.StopAsync();
    }

    [Fact]
    public async Task Inconsistent_timeouts_stop_the_host_at_start_with_the_configuration_key_named()
    {
        using var host = BuildHost(new()
        {
            ["Platform:AttemptTimeout"] = "00:00:05",
            ["Platform:TotalTimeout"] = "00:00:02",
        });

        var error = await Record.ExceptionAsync(() => host.StartAsync());

        // Each client's resilience options read PlatformOptions too, so the host may report the failure several times.
        var failures = error is AggregateException aggregate ? aggregate.InnerExceptions : [error!];
        Assert.All(failures, failure =>
        {
            var validation = Assert.IsType<OptionsValidationException>(failure);
            Assert.Contains("Platform:TotalTimeout", validation.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void All_five_clients_are_registered()
    {
        var services = new ServiceCollection();
        services.AddPlatformClients(_ => new Uri("http://127.0.0.1:9/"));
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<IOrdersApi>());
        Assert.NotNull(provider.GetRequiredService<IMerchantBackendApi>());
        Assert.NotNull(provider.GetRequiredService<IPlatformStatusApi>());
        Assert.NotNull(provider.GetRequiredService<IAppVersionsApi>());
        Assert.NotNull(provider.GetRequiredService<ISupportApi>());
    }
}
