using HelpBot.Platform.Models;
using Refit;

namespace HelpBot.Platform.Apis;

/// <summary>
/// The platform's account verification: proves that a person holds a registered phone by an SMS one-time code, so a
/// channel user (Teams) can be linked to a platform user.
/// </summary>
public interface IAccountsApi
{
    /// <summary>202 with a request id (also for an unknown phone); 400 <c>invalid_request</c> for a malformed phone.</summary>
    [Post("/api/v1/accounts/verification-codes")]
    Task<VerificationCodeSent> RequestVerificationCodeAsync([Body] VerificationCodeRequest request, CancellationToken cancellationToken);

    /// <summary>The phone's user; 400 <c>invalid_code</c> (see <see cref="AccountErrorCodes.InvalidCode"/>) otherwise.</summary>
    [Post("/api/v1/accounts/verification-codes/{requestId}/verify")]
    Task<VerifiedAccount> VerifyCodeAsync(string requestId, [Body] VerifyCodeRequest request, CancellationToken cancellationToken);
}
