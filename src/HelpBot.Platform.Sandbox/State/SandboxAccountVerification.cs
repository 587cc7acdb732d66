using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using HelpBot.Platform.Models;

namespace HelpBot.Platform.Sandbox.State;

/// <summary>A text message the sandbox "sent"; <paramref name="Code"/> is the one-time code it carries.</summary>
public sealed record SandboxSms(string Phone, string Text, string Code, DateTimeOffset SentAt);

/// <summary>
/// SMS one-time codes for <c>/api/v1/accounts/verification-codes</c>. A code is 6 random digits, valid
/// <see cref="CodeLifetime"/>, and its request takes at most <see cref="AccountErrorCodes.MaxVerifyAttempts"/> attempts.
/// Instead of sending texts the sandbox keeps them in a bounded outbox that tests and the demo read.
/// An unknown phone gets a request id like any other but no text, and its code check fails like a wrong code.
/// </summary>
public sealed class SandboxAccountVerification
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    /// <summary>Texts kept in the outbox; older ones are dropped.</summary>
    public const int MaxOutbox = 200;

    // Open requests kept at most; the oldest go first, so a flood of requests cannot grow memory without bound.
    private const int MaxOpenRequests = 10_000;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Func<string, string?> _userByPhone;
    private readonly Dictionary<string, CodeRequest> _requests = new(StringComparer.Ordinal);
    private readonly Queue<string> _requestOrder = new();
    private readonly LinkedList<SandboxSms> _outbox = new();

    internal SandboxAccountVerification(TimeProvider time, Func<string, string?> userByPhone)
    {
        _time = time;
        _userByPhone = userByPhone;
    }

    /// <summary>An 11-digit mainland mobile number: 1, then 3 to 9, then 9 digits.</summary>
    public static bool IsMobileNumber(string? phone) =>
        phone is { Length: 11 } && phone[0] == '1' && phone[1] is >= '3' and <= '9' && phone.All(char.IsAsciiDigit);

    public VerificationCodeSent RequestCode(VerificationCodeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsMobileNumber(request.Phone))
            throw SandboxRequestException.Invalid("phone must be an 11-digit mainland mobile number such as 13800138000.");

        var now = _time.GetUtcNow();
        var userId = _userByPhone(request.Phone);
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var requestId = "VC" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var expiresAt = now + CodeLifetime;

        lock (_gate)
        {
            while (_requests.Count >= MaxOpenRequests && _requestOrder.TryDequeue(out var oldest))
                _requests.Remove(oldest);
            _requests[requestId] = new CodeRequest(userId, code, expiresAt);
            _requestOrder.Enqueue(requestId);

            if (userId is not null)
            {
                _outbox.AddLast(new SandboxSms(request.Phone, $"【外卖平台】验证码 {code}，10 分钟内有效。Your verification code is {code} (valid 10 minutes).", code, now));
                while (_outbox.Count > MaxOutbox)
                    _outbox.RemoveFirst();
            }
        }

        return new VerificationCodeSent(requestId, expiresAt);
    }

    public VerifiedAccount Verify(string requestId, VerifyCodeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Code is not { Length: 6 } code || !code.All(char.IsAsciiDigit))
            throw SandboxRequestException.Invalid("code must be the 6 digits from the text message.");

        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (!_requests.TryGetValue(requestId ?? string.Empty, out var open) || open.ExpiresAt <= now || open.Attempts >= AccountErrorCodes.MaxVerifyAttempts)
                throw InvalidCode();

            open.Attempts++;
            var matches = CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(open.Code), System.Text.Encoding.ASCII.GetBytes(code));
            if (!matches || open.UserId is null)
                throw InvalidCode();

            // A code works once.
            _requests.Remove(requestId!);
            return new VerifiedAccount(open.UserId);
        }
    }

    /// <summary>Texts sent to <paramref name="phone"/> (all when null), oldest first.</summary>
    public IReadOnlyList<SandboxSms> Outbox(string? phone = null)
    {
        lock (_gate)
            return [.. _outbox.Where(sms => phone is null || sms.Phone == phone)];
    }

    internal void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
            _requestOrder.Clear();
            _outbox.Clear();
        }
    }

    private static SandboxRequestException InvalidCode() =>
        new(HttpStatusCode.BadRequest, AccountErrorCodes.InvalidCode,
            "The code is not valid: it is wrong or expired, or the request has been used up. Ask for a new code.");

    private sealed class CodeRequest(string? userId, string code, DateTimeOffset expiresAt)
    {
        public string? UserId { get; } = userId;

        public string Code { get; } = code;

        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        public int Attempts { get; set; }
    }
}
