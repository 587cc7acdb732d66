using HelpBot.Dialogs.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace HelpBot.Dialogs.AppStatus;

/// <summary>The app does not work (platform status, app version).</summary>
public static class AppStatusRegistration
{
    public static IServiceCollection AddAppStatus(this IServiceCollection services) =>
        services.AddSingleton<Dialog, AppUnavailableDialog>();
}
