using HelpBot.Dialogs.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace HelpBot.Dialogs.Accounts;

/// <summary>Who the customer is: trusted channels, and linking an account on the others.</summary>
public static class AccountsRegistration
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, IEnumerable<string> trustedChannels)
    {
        services.AddSingleton(new CustomerIdentity(trustedChannels));
        services.AddSingleton<AccountLinkStore>();
        services.AddSingleton<Dialog, LinkAccountDialog>();
        foreach (var prompt in LinkAccountDialog.Prompts())
        {
            services.AddSingleton(prompt);
        }

        return services;
    }
}
