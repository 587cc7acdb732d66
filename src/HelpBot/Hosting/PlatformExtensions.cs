using HelpBot.Platform;
using HelpBot.Platform.DependencyInjection;
using HelpBot.Platform.Sandbox;

namespace HelpBot.Hosting;

public static class PlatformExtensions
{
    /// <summary>
    /// The host's one choice of platform: binds <c>Platform</c> (and <c>Platform:Sandbox</c>); with
    /// <c>Platform:BaseUrl</c> set, the clients talk to that platform; without it, the embedded sandbox starts with the
    /// host and the clients talk to it over HTTP.
    /// </summary>
    public static IServiceCollection AddPlatformOrSandbox(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var platformSection = configuration.GetSection(PlatformOptions.SectionName);
        if (!string.IsNullOrWhiteSpace(platformSection[nameof(PlatformOptions.BaseUrl)]))
        {
            return services.AddPlatformClients(configuration);
        }

        services.AddOptions<PlatformOptions>().Bind(platformSection);
        services.AddOptions<SandboxPlatformOptions>().Bind(configuration.GetSection(SandboxPlatformOptions.SectionName));
        services.AddSandboxPlatformServer();
        return services.AddPlatformClients(sp => sp.GetRequiredService<SandboxPlatformServer>().BaseAddress);
    }
}
