using HelpBot.Dialogs.Bot;
using HelpBot.Dialogs.Conversation;
using HelpBot.Dialogs.Dialogs;
using HelpBot.Dialogs.Orders;
using HelpBot.Dialogs.Runtime;
using HelpBot.Dialogs.State;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HelpBot.Dialogs;

/// <summary>Configuration section <c>HelpBot</c>.</summary>
public sealed class HelpBotOptions
{
    public const string SectionName = "HelpBot";

    /// <summary>Time zone in which times are shown to customers.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Channels whose from.id is the platform user id (see <see cref="CustomerIdentity"/>).</summary>
    public List<string> TrustedChannels { get; set; } = [.. CustomerIdentity.DefaultTrustedChannels];
}

public static class HelpBotDialogsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the conversation: the bot, its dialogs and prompts, and the state store. Needs IStorage and the
    /// platform clients to be registered by the host.
    /// </summary>
    public static IServiceCollection AddHelpBotDialogs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(HelpBotOptions.SectionName).Get<HelpBotOptions>() ?? new HelpBotOptions();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone));
        services.AddSingleton<OrderStatusPresenter>();
        services.TryAddSingleton<ITurnIntentRecognizer, KeywordIntentRecognizer>();
        services.AddSingleton(new CustomerIdentity(options.TrustedChannels));

        services.AddSingleton<Dialog, RootDialog>();
        services.AddSingleton<Dialog, OrderStatusDialog>();
        foreach (var prompt in OrderStatusDialog.Prompts())
        {
            services.AddSingleton(prompt);
        }

        services.AddSingleton(sp => new DialogSet(sp.GetServices<Dialog>()));
        services.AddSingleton<IDialogInterruption, GlobalCommands>();

        services.AddSingleton<KeyedAsyncLock>();
        services.AddSingleton<ConversationStateStore>();
        services.AddSingleton<IBot, SupportBot>();
        return services;
    }
}
