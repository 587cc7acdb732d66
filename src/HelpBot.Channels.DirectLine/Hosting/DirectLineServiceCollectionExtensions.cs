using HelpBot.Channels.DirectLine.Api;
using HelpBot.Channels.DirectLine.Configuration;
using HelpBot.Channels.DirectLine.Conversations;
using HelpBot.Channels.DirectLine.Delivery;
using HelpBot.Channels.DirectLine.Security;
using HelpBot.Channels.DirectLine.Storage;
using HelpBot.Channels.DirectLine.Streaming;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HelpBot.Channels.DirectLine.Hosting;

public static class DirectLineServiceCollectionExtensions
{
    /// <summary>Minimum length of a configured Direct Line secret.</summary>
    public const int MinimumSecretLength = 16;

    /// <summary>
    /// Registers the embedded Direct Line channel, configured from the "DirectLine" section. Stores and notifier are
    /// registered with TryAdd, so a shared (e.g. Redis) implementation registered first replaces the in-memory one.
    /// </summary>
    public static IServiceCollection AddEmbeddedDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<DirectLineOptions>()
            .Bind(configuration.GetSection(DirectLineOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(
                o => string.IsNullOrEmpty(o.Secret) || o.Secret.Length >= MinimumSecretLength,
                $"DirectLine:Secret must be at least {MinimumSecretLength} characters.")
            .Validate(o => o.BotApiPath.StartsWith('/') && o.AttachmentsPath.StartsWith('/'), "DirectLine paths must start with '/'.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDirectLineConversationStore, InMemoryDirectLineConversationStore>();
        services.TryAddSingleton<IDirectLineAttachmentStore, InMemoryDirectLineAttachmentStore>();
        services.TryAddSingleton<IDirectLineActivityNotifier, InMemoryDirectLineActivityNotifier>();

        services.TryAddSingleton<DirectLineSecret>();
        services.TryAddSingleton<DirectLineTokenService>();
        services.TryAddSingleton<DirectLineAuthenticator>();
        services.TryAddSingleton<DirectLineChannelUrls>();
        services.TryAddSingleton<BotActivityForwarder>();
        services.TryAddSingleton<DirectLineConversations>();
        services.TryAddSingleton<DirectLineClientApi>();
        services.TryAddSingleton<DirectLineUploadApi>();
        services.TryAddSingleton<DirectLineStreamEndpoint>();
        services.TryAddSingleton<BotConnectorApi>();
        services.AddHttpClient(BotActivityForwarder.HttpClientName);
        return services;
    }
}
