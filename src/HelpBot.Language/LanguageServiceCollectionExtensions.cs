using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HelpBot.Language;

public static class LanguageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IHelpBotRecognizer"/> as a singleton built on first resolution from the shipped intent model
    /// (a few hundred ms; resolve it at start-up to pay that before the first message). Needs a registered
    /// <see cref="TimeProvider"/>; logs through a registered <see cref="ILoggerFactory"/> (a warning when the shipped
    /// model is stale and the recognizer trains instead).
    /// </summary>
    public static IServiceCollection AddHelpBotLanguage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IHelpBotRecognizer>(sp => new HelpBotRecognizer(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger<HelpBotRecognizer>()));
        return services;
    }
}
