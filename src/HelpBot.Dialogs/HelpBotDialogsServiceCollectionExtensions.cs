using HelpBot.Dialogs.Accounts;
using HelpBot.Dialogs.AppStatus;
using HelpBot.Dialogs.Changes;
using HelpBot.Dialogs.Conversation;
using HelpBot.Dialogs.Delivery;
using HelpBot.Dialogs.Escalation;
using HelpBot.Dialogs.Orders;
using HelpBot.Dialogs.Payment;
using HelpBot.Dialogs.Problems;
using HelpBot.Dialogs.Turns;
using HelpBot.Dialogs.WrapUp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
    /// Registers the conversation, one feature at a time: each feature registers its own dialogs, prompts and services.
    /// Needs IStorage and the platform clients to be registered by the host. Nothing here depends on the order of
    /// these calls or of the host's registrations.
    /// </summary>
    public static IServiceCollection AddHelpBotDialogs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(HelpBotOptions.SectionName).Get<HelpBotOptions>() ?? new HelpBotOptions();
        services.AddSingleton(TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone));

        services.AddTurns();
        services.AddConversation();
        services.AddAccounts(options.TrustedChannels);
        services.AddProblems();
        services.AddOrders(configuration);
        services.AddPayment();
        services.AddDelivery();
        services.AddAppStatus();
        services.AddChanges();
        services.AddEscalation(configuration);
        services.AddWrapUp();
        return services;
    }
}
