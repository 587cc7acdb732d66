using HelpBot.Platform.Models;
using Refit;

namespace HelpBot.Platform.Apis;

/// <summary>The platform's status page: ongoing incidents with their customer-facing messages.</summary>
public interface IPlatformStatusApi
{
    [Get("/api/v1/status")]
    Task<PlatformStatus> GetStatusAsync(CancellationToken cancellationToken);
}
