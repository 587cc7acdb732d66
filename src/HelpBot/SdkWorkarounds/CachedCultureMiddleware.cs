using System.Globalization;
using Microsoft.Bot.Builder;

namespace HelpBot.SdkWorkarounds;

/// <summary>
/// The SDK sets the thread's culture to <c>new CultureInfo(activity.Locale)</c> on every turn; a fresh CultureInfo
/// builds its number and date formats again (through ICU) the first time anything formats a value in the turn. The
/// same culture from <see cref="CultureInfo.GetCultureInfo(string)"/> is cached and read-only, so those formats are
/// built once per process. Same name, same behaviour.
/// </summary>
public sealed class CachedCultureMiddleware : Microsoft.Bot.Builder.IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(next);
        var current = CultureInfo.CurrentCulture;
        if (!current.IsReadOnly && current.Name.Length > 0)
        {
            var cached = CultureInfo.GetCultureInfo(current.Name);
            CultureInfo.CurrentCulture = cached;
            if (CultureInfo.CurrentUICulture.Name == cached.Name)
            {
                CultureInfo.CurrentUICulture = cached;
            }
        }

        return next(cancellationToken);
    }
}
