using HelpBot.Platform.Models;
using Refit;

namespace HelpBot.Platform.Apis;

/// <summary>Customer-app release information.</summary>
public interface IAppVersionsApi
{
    [Get("/api/v1/app-versions")]
    Task<AppVersions> GetAppVersionsAsync(CancellationToken cancellationToken);
}
