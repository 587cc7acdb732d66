using Newtonsoft.Json;

namespace HelpBot.AgentDesk.Cases;

/// <summary>
/// What was found and done in this conversation's troubleshooting: the problem, the order, each check with its result
/// and where the result came from, and each action with its outcome. Escalation hands it to a person, so nobody asks
/// the customer to repeat anything.
/// </summary>
public sealed class CaseFile
{
    [JsonProperty("problem")]
    public string ProblemType { get; set; } = string.Empty;

    [JsonProperty("order", NullValueHandling = NullValueHandling.Ignore)]
    public string? OrderNumber { get; set; }

    [JsonProperty("opened")]
    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>What the order data showed, as stable codes (e.g. <c>merchant_not_received</c>, <c>charged_but_unpaid</c>).</summary>
    [JsonProperty("findings")]
    public List<string> Findings { get; set; } = [];

    [JsonProperty("checks")]
    public List<CaseCheck> Checks { get; set; } = [];

    [JsonProperty("actions")]
    public List<CaseAction> Actions { get; set; } = [];

    [JsonProperty("solved", NullValueHandling = NullValueHandling.Ignore)]
    public bool? Solved { get; set; }

    [JsonProperty("rating", NullValueHandling = NullValueHandling.Ignore)]
    public int? Rating { get; set; }

    /// <summary>
    /// The file as it is now, for a desk case: the conversation's file goes on changing after the hand-over. Without the
    /// self-service rating, which is not the desk's.
    /// </summary>
    public CaseFile Snapshot() => new()
    {
        ProblemType = ProblemType,
        OrderNumber = OrderNumber,
        OpenedAt = OpenedAt,
        Findings = [.. Findings],
        Checks = [.. Checks],
        Actions = [.. Actions],
        Solved = Solved,
    };

    public CaseCheck? Check(string name) => Checks.LastOrDefault(c => c.Name == name);

    public void Record(CaseCheck check)
    {
        Checks.RemoveAll(c => c.Name == check.Name);
        Checks.Add(check);
    }

    public void AddFinding(string finding)
    {
        if (!Findings.Contains(finding))
        {
            Findings.Add(finding);
        }
    }
}

/// <summary>
/// A self-check. <see cref="Result"/>: <c>ok</c>, <c>problem</c>, <c>fixed</c> (was a problem, the advice fixed it),
/// <c>unknown</c>. <see cref="Source"/>: <c>order_data</c>, <c>client_info</c>, <c>platform_status</c>, <c>customer</c>
/// (answered a question), <c>customer_text</c> (said so unprompted).
/// </summary>
public sealed record CaseCheck(
    [property: JsonProperty("name")] string Name,
    [property: JsonProperty("result")] string Result,
    [property: JsonProperty("source")] string Source,
    [property: JsonProperty("at")] DateTimeOffset At,
    [property: JsonProperty("detail", NullValueHandling = NullValueHandling.Ignore)] string? Detail = null);

/// <summary>An action offered or taken: <see cref="Outcome"/> is <c>done</c>, <c>failed</c> or <c>declined</c>.</summary>
public sealed record CaseAction(
    [property: JsonProperty("name")] string Name,
    [property: JsonProperty("outcome")] string Outcome,
    [property: JsonProperty("at")] DateTimeOffset At,
    [property: JsonProperty("detail", NullValueHandling = NullValueHandling.Ignore)] string? Detail = null);

public static class CheckNames
{
    public const string Network = "network";
    public const string PaymentMethod = "payment_method";
    public const string AppVersion = "app_version";
    public const string AppRestart = "app_restart";
}

public static class CheckResults
{
    public const string Ok = "ok";
    public const string Problem = "problem";
    public const string Fixed = "fixed";
    public const string Unknown = "unknown";
}

public static class CheckSources
{
    public const string OrderData = "order_data";
    public const string ClientInfo = "client_info";
    public const string PlatformStatus = "platform_status";
    public const string Customer = "customer";
    public const string CustomerText = "customer_text";
}
