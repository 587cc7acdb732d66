using HelpBot.Dialogs.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace HelpBot.Dialogs.Changes;

/// <summary>Changes to an order: delivery address or time, cancel and reorder.</summary>
public static class ChangesRegistration
{
    public static IServiceCollection AddChanges(this IServiceCollection services)
    {
        services.AddSingleton<Dialog, ChangeDeliveryDialog>();
        services.AddSingleton<Dialog, CancelAndReorderDialog>();
        foreach (var prompt in ChangeDeliveryDialog.Prompts())
        {
            services.AddSingleton(prompt);
        }

        services.AddSingleton(CancelAndReorderDialog.Prompt());
        // Times are read in the customers' time zone (HelpBot:TimeZone).
        services.AddSingleton<Dialog>(sp => new DeliveryTimePrompt(ChangeDeliveryDialog.TimePromptId, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<TimeZoneInfo>()));
        return services;
    }
}
