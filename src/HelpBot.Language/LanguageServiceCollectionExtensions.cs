using Microsoft.Extensions.DependencyInjection;

namespace HelpBot.Language;

public static class LanguageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IHelpBotRecognizer"/> as a singleton (trained on first resolution; resolve it at start-up to
    /// pay the ~1 s training cost before the first message). Needs a registered <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddHelpBotLanguage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IHelpBotRecognizer>(sp => new HelpBotRecognizer(sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
