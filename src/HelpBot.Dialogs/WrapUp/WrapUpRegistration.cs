using HelpBot.Dialogs.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace HelpBot.Dialogs.WrapUp;

/// <summary>"Is it solved?" at the end of a flow, and the rating of a closed case.</summary>
public static class WrapUpRegistration
{
    public static IServiceCollection AddWrapUp(this IServiceCollection services)
    {
        services.AddSingleton<Dialog, WrapUpDialog>();
        services.AddSingleton<Dialog, CaseRatingDialog>();
        foreach (var prompt in WrapUpDialog.Prompts())
        {
            services.AddSingleton(prompt);
        }

        return services;
    }
}
