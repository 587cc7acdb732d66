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
