using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HelpBot.Language;

public static class LanguageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IHelpBotRecognizer"/> as a singleton (trained on first resolution; resolve it at start-up to
    /// pay the ~1 s training cost before the first message). Uses a registered <see cref="TimeProvider"/> if any.
    /// </summary>
    public static IServiceCollection AddHelpBotLanguage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IHelpBotRecognizer>(sp => new HelpBotRecognizer(sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
