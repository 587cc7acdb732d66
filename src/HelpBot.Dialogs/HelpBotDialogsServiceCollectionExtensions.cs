using HelpBot.AgentDesk;
using HelpBot.Dialogs.Accounts;
using HelpBot.Dialogs.AppStatus;
using HelpBot.Dialogs.Changes;
using HelpBot.Dialogs.Conversation;
using HelpBot.Dialogs.Delivery;
using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Escalation;
using HelpBot.Dialogs.Orders;
using HelpBot.Dialogs.Payment;
using HelpBot.Dialogs.Problems;
using HelpBot.Dialogs.Turns;
using HelpBot.Dialogs.WrapUp;
using HelpBot.Language;
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
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        services.AddSingleton(zone);
        services.AddSingleton<OrderStatusPresenter>();
        services.AddHelpBotLanguage();
        services.AddSingleton<ITurnIntentRecognizer, LanguageIntentRecognizer>();
        services.AddSingleton(new CustomerIdentity(options.TrustedChannels));

        services.AddSingleton<Dialog, RootDialog>();
        services.AddSingleton<Dialog, OrderLookupDialog>();
        services.AddSingleton<Dialog, OrderStatusDialog>();
        services.AddSingleton<Dialog, OrderStuckDialog>();
        services.AddSingleton<Dialog, PaymentDialog>();
        services.AddSingleton<Dialog, DeliveryDelayDialog>();
        services.AddSingleton<Dialog, StatusMismatchDialog>();
        services.AddSingleton<Dialog, AppUnavailableDialog>();
        services.AddSingleton<Dialog, CancelAndReorderDialog>();
        services.AddSingleton<Dialog, ChangeDeliveryDialog>();
        services.AddSingleton<Dialog, MerchantContactDialog>();
        services.AddSingleton<Dialog, SelfCheckDialog>();
        services.AddSingleton<Dialog, WrapUpDialog>();
        services.AddSingleton<Dialog, EscalationDialog>();
        services.AddSingleton<Dialog, EvidenceDialog>();
        services.AddSingleton<Dialog, CaseRatingDialog>();
        services.AddSingleton<Dialog, LinkAccountDialog>();

        // Escalations go to the agent desk: cases, screenshots and transcripts in the same IStorage.
        services.AddAgentDesk(configuration);
        services.AddSingleton<EvidenceCollector>();
        services.AddSingleton<ICustomerConversationBridge, AgentConversationBridge>();

        // Prompts are plain objects; the ones that need services get them from the provider.
        Dialog[] prompts =
        [
            .. OrderLookupDialog.Prompts(),
            .. WrapUpDialog.Prompts(),
            .. ChangeDeliveryDialog.Prompts(),
            .. LinkAccountDialog.Prompts(),
            SelfCheckDialog.AnswerPrompt(),
            CancelAndReorderDialog.Prompt(),
            new ChoicePrompt(FlowActions.PromptId),
        ];
        foreach (var prompt in prompts)
        {
            services.AddSingleton(prompt);
        }

        services.AddSingleton<Dialog>(sp => new DeliveryTimePrompt(ChangeDeliveryDialog.TimePromptId, sp.GetRequiredService<TimeProvider>(), zone));

        services.AddSingleton(sp => new DialogSet(sp.GetServices<Dialog>()));
        services.AddSingleton<IDialogInterruption, GlobalCommands>();
        services.AddSingleton<IDialogInterruption, AccountLinkCommands>();
        services.AddSingleton<IDialogInterruption, HumanAgentInterruption>();
        services.AddSingleton<AccountLinkStore>();

        services.TryAddSingleton<IConversationTurnLock, KeyedAsyncLock>();
        services.AddSingleton<ConversationStateStore>();
        services.AddOptions<PhoneCheckThrottleOptions>().Bind(configuration.GetSection(PhoneCheckThrottleOptions.SectionName));
        services.AddSingleton<PhoneCheckThrottle>();
        services.AddSingleton<IBot, SupportBot>();
        return services;
    }
}
