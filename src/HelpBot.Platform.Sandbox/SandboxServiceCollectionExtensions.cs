using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpBot.Platform.Sandbox;

public static class SandboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SandboxPlatformServer"/> as a singleton and as a hosted service, so it starts with the host
    /// (before hosted services registered after this call). Uses the container's <see cref="TimeProvider"/> and
    /// <see cref="ILoggerFactory"/> when registered. Whether the sandbox is used at all is the host's choice.
    /// </summary>
    public static IServiceCollection AddSandboxPlatformServer(this IServiceCollection services, Action<SandboxPlatformOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SandboxPlatformOptions>();
        if (configure is not null)
            options.Configure(configure);

        services.AddSingleton(sp => new SandboxPlatformServer(
            sp.GetRequiredService<IOptions<SandboxPlatformOptions>>().Value,
            sp.GetService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()));
        services.AddHostedService(sp => sp.GetRequiredService<SandboxPlatformServer>());
        return services;
    }
}
