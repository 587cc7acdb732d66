namespace HelpBot.Platform.Models;

/// <summary>Asks the platform to text a one-time code to <paramref name="Phone"/> (11-digit mainland mobile number).</summary>
public sealed record VerificationCodeRequest(string Phone);

/// <summary>
/// Answer to <see cref="VerificationCodeRequest"/>. The same for a phone the platform does not know, so the answer never
/// tells whether a phone number is registered; only the code check fails for it.
/// </summary>
public sealed record VerificationCodeSent(string RequestId, DateTimeOffset ExpiresAt);

/// <summary>The code the customer received by SMS: 6 digits.</summary>
public sealed record VerifyCodeRequest(string Code);

/// <summary>The platform user who owns the verified phone.</summary>
public sealed record VerifiedAccount(string UserId);

/// <summary>Error codes of the accounts API, in addition to <see cref="Errors.PlatformErrorCodes"/>.</summary>
public static class AccountErrorCodes
{
    /// <summary>
    /// 400: the code is wrong or expired, the request is unknown or used up, or the phone is not registered (one answer for
    /// all, so nothing is revealed). A request takes at most <see cref="MaxVerifyAttempts"/> attempts.
    /// </summary>
    public const string InvalidCode = "invalid_code";

    public const int MaxVerifyAttempts = 3;
}
