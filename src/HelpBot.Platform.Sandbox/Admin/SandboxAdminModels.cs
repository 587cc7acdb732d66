namespace HelpBot.Platform.Sandbox.Admin;

/// <summary>
/// Body of <c>POST /sandbox/incidents</c>. <paramref name="Messages"/> by locale ("zh-CN", "en-US"); a locale left out
/// gets the sandbox's default message for the component.
/// </summary>
public sealed record StartIncidentRequest(string Component, IReadOnlyDictionary<string, string>? Messages);

/// <summary>
/// Body of <c>POST /sandbox/faults</c>: requests whose path starts with <paramref name="PathPrefix"/> (default
/// <c>/api/</c>, i.e. every platform route) wait <paramref name="DelayMs"/> and/or fail with
/// <paramref name="StatusCode"/>, until the fault is removed.
/// </summary>
public sealed record AddFaultRequest(string? PathPrefix, int? DelayMs, int? StatusCode);

/// <summary>An active fault; <paramref name="Hits"/> counts the requests it has affected (each retry is a request).</summary>
public sealed record SandboxFault(string Id, string PathPrefix, int? DelayMs, int? StatusCode, int Hits);

/// <summary>A message the bot sent to a merchant, as the sandbox recorded it.</summary>
public sealed record RecordedMerchantMessage(
    string MessageId,
    string OrderNumber,
    string MerchantId,
    string Text,
    IReadOnlyList<string> AttachmentUrls,
    DateTimeOffset SentAt);

/// <summary>
/// Body of <c>PUT /sandbox/orders/{orderNumber}</c>: changes a seed order (or, with <paramref name="CopyOf"/>, adds a
/// new order copied from one) before a test or demo. Every field is optional; statuses and payment states use the API's
/// snake_case names. Times are minutes relative to now: <paramref name="StatusMinutesAgo"/> is when the current status
/// began, <paramref name="EtaInMinutes"/> the promised arrival (negative: already passed), and
/// <paramref name="RiderLastSeenMinutesAgo"/> the rider's last location update.
/// </summary>
public sealed record OrderOverride(
    string? CopyOf = null,
    string? UserId = null,
    string? MerchantId = null,
    string? Status = null,
    double? StatusMinutesAgo = null,
    string? PaymentState = null,
    string? PaymentFailureCode = null,
    string? PaymentChannel = null,
    bool? CustomerCharged = null,
    bool? MerchantReceived = null,
    string? MerchantStatus = null,
    double? EtaInMinutes = null,
    double? RiderLastSeenMinutesAgo = null,
    string? Address = null);

/// <summary>
/// An action the platform was asked to perform on an order (<c>cancel</c>, <c>delivery_change</c>), as the sandbox
/// recorded it: <paramref name="Outcome"/> is <c>done</c>, <c>repeat</c> (the same idempotency key again, answered
/// with the first result) or <c>refused</c> (a 4xx, with its <paramref name="ErrorCode"/>).
/// </summary>
public sealed record RecordedOrderAction(string Action, string OrderNumber, string Outcome, string? ErrorCode, DateTimeOffset At);
