using HelpBot.Platform.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpBot.Platform.Sandbox;

public static class SandboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SandboxPlatformServer"/> as a singleton and as a hosted service, so it starts with the host
    /// (before hosted services registered after this call). Uses the container's <see cref="TimeProvider"/> and
    /// <see cref="ILoggerFactory"/> when registered.
    /// </summary>
    public static IServiceCollection AddSandboxPlatformServer(this IServiceCollection services, Action<SandboxPlatformOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SandboxPlatformOptions>();
        if (configure is not null)
            options.Configure(configure);

        services.TryAddSingleton(sp => new SandboxPlatformServer(
            sp.GetRequiredService<IOptions<SandboxPlatformOptions>>().Value,
            sp.GetService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()));
        services.AddHostedService(sp => sp.GetRequiredService<SandboxPlatformServer>());
        return services;
    }

    /// <summary>
    /// The host's one call for platform access: binds <c>Platform</c> (and <c>Platform:Sandbox</c>); with
    /// <c>Platform:BaseUrl</c> set, the clients talk to that platform; without it, the embedded sandbox starts with the
    /// host and the clients talk to it over HTTP.
    /// </summary>
    public static IServiceCollection AddPlatformOrSandbox(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var platformSection = configuration.GetSection(PlatformOptions.SectionName);
        if (!string.IsNullOrWhiteSpace(platformSection[nameof(PlatformOptions.BaseUrl)]))
            return services.AddPlatformClients(configuration);

        services.AddOptions<PlatformOptions>().Bind(platformSection);
        services.AddOptions<SandboxPlatformOptions>().Bind(configuration.GetSection(SandboxPlatformOptions.SectionName));
        services.AddSandboxPlatformServer();
        return services.AddPlatformClients(sp => sp.GetRequiredService<SandboxPlatformServer>().BaseAddress);
    }
}
