using HelpBot.Channels.DirectLine.Api;
using HelpBot.Channels.DirectLine.Configuration;
using HelpBot.Channels.DirectLine.Conversations;
using HelpBot.Channels.DirectLine.Delivery;
using HelpBot.Channels.DirectLine.Security;
using HelpBot.Channels.DirectLine.Storage;
using HelpBot.Channels.DirectLine.Streaming;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HelpBot.Channels.DirectLine.Hosting;

public static class DirectLineServiceCollectionExtensions
{
    /// <summary>Minimum length of a configured Direct Line secret.</summary>
    public const int MinimumSecretLength = 16;

    /// <summary>
    /// Registers the embedded Direct Line channel, configured from the "DirectLine" section, with its in-memory stores
    /// and notifier (one instance: the embedded channel is for development). Needs a <see cref="TimeProvider"/>.
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

        services.AddSingleton<IDirectLineConversationStore, InMemoryDirectLineConversationStore>();
        services.AddSingleton<IDirectLineAttachmentStore, InMemoryDirectLineAttachmentStore>();
        services.AddSingleton<IDirectLineActivityNotifier, InMemoryDirectLineActivityNotifier>();

        services.AddSingleton<DirectLineSecret>();
        services.AddSingleton<DirectLineTokenService>();
        services.AddSingleton<DirectLineAuthenticator>();
        services.AddSingleton<DirectLineChannelUrls>();
        services.AddSingleton<BotActivityForwarder>();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<DirectLineClientApi>();
        services.AddSingleton<DirectLineUploadApi>();
        services.AddSingleton<DirectLineStreamEndpoint>();
        services.AddSingleton<BotConnectorApi>();
        services.AddHttpClient(BotActivityForwarder.HttpClientName);
        return services;
    }
}
