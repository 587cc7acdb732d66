using HelpBot.AgentDesk.Cases;
using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Orders;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;

namespace HelpBot.Dialogs.Turns;

/// <summary>
/// Everything HelpBot keeps about one conversation, saved as one storage item per turn. The ETag makes a save fail when
/// another turn of the same conversation saved first, so no update is lost silently.
/// </summary>
public sealed class ConversationData : IStoreItem
{
    [JsonProperty("ETag", NullValueHandling = NullValueHandling.Ignore)]
    public string? ETag { get; set; }

    /// <summary>The conversation's language, "zh-CN" or "en-US", once known.</summary>
    [JsonProperty("locale", NullValueHandling = NullValueHandling.Ignore)]
    public string? Locale { get; set; }

    [JsonProperty("stack")]
    public List<DialogInstance> DialogStack { get; set; } = [];

    /// <summary>Orders of other users that the customer proved access to with the phone's last four digits.</summary>
    [JsonProperty("verified", NullValueHandling = NullValueHandling.Ignore)]
    public List<string>? VerifiedOrders { get; set; }

    /// <summary>Wrong answers to the phone-digit check in this conversation; the check stops after a few.</summary>
    [JsonProperty("phoneFailures", DefaultValueHandling = DefaultValueHandling.Ignore)]
    public int PhoneCheckFailures { get; set; }

    /// <summary>The flow to run again when the customer corrects the phone digits that just failed (see <see cref="PhoneCheckRetry"/>).</summary>
    [JsonProperty("phoneRetry", NullValueHandling = NullValueHandling.Ignore)]
    public PhoneCheckRetry? PhoneCheckRetry { get; set; }

    /// <summary>The order the conversation is about, so follow-up questions need not ask for it again.</summary>
    [JsonProperty("order", NullValueHandling = NullValueHandling.Ignore)]
    public string? CurrentOrderNumber { get; set; }

    /// <summary>The orders this conversation has been about, oldest first (a few): "the other one" is one of them.</summary>
    [JsonProperty("mentioned", NullValueHandling = NullValueHandling.Ignore)]
    public List<string>? MentionedOrders { get; set; }

    /// <summary>The troubleshooting case of this conversation, once a problem flow has started.</summary>
    [JsonProperty("case", NullValueHandling = NullValueHandling.Ignore)]
    public CaseFile? Case { get; set; }

    /// <summary>The open agent-desk case of this conversation; while an agent holds it, messages go to the agent.</summary>
    [JsonProperty("agentCase", NullValueHandling = NullValueHandling.Ignore)]
    public string? AgentCaseId { get; set; }

    /// <summary>
    /// The rest of a message that named several orders ("A 还没来，还有 B 扣了两次钱"): one request per order, handled
    /// one after another once the current flow ends.
    /// </summary>
    [JsonProperty("queued", NullValueHandling = NullValueHandling.Ignore)]
    public List<string>? QueuedRequests { get; set; }

    /// <summary>The customer's last message and when it came, to answer a double tap or a resend once.</summary>
    [JsonProperty("last", NullValueHandling = NullValueHandling.Ignore)]
    public string? LastMessage { get; set; }

    [JsonProperty("lastAt", NullValueHandling = NullValueHandling.Ignore)]
    public DateTimeOffset? LastMessageAt { get; set; }

    /// <summary>Whether the last message answered the question that was waiting.</summary>
    [JsonProperty("lastAnswered", DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool LastMessageAnswered { get; set; }

    /// <summary>The dialogs the last message left waiting (their ids), if any.</summary>
    [JsonProperty("lastLeft", NullValueHandling = NullValueHandling.Ignore)]
    public string? LastMessageLeft { get; set; }

    [JsonProperty("welcomed", DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool Welcomed { get; set; }

    private const int MentionedKept = 5;

    /// <summary>Makes <paramref name="orderNumber"/> the order in focus and the latest one mentioned.</summary>
    public void Focus(string orderNumber)
    {
        CurrentOrderNumber = orderNumber;
        MentionedOrders ??= [];
        MentionedOrders.Remove(orderNumber);
        MentionedOrders.Add(orderNumber);
        if (MentionedOrders.Count > MentionedKept)
        {
            MentionedOrders.RemoveAt(0);
        }
    }

    /// <summary>Forgets the order in focus and the orders mentioned (start over, an account unlinked).</summary>
    public void ForgetOrders()
    {
        CurrentOrderNumber = null;
        MentionedOrders = null;
    }

    /// <summary>"另一单", "the other one": the one order mentioned besides the one in focus, or null when that is not one.</summary>
    public string? OtherMentionedOrder() =>
        MentionedOrders?.Where(n => n != CurrentOrderNumber).ToList() is [var only] ? only : null;

    public bool HasVerified(string orderNumber) => VerifiedOrders?.Contains(orderNumber, StringComparer.Ordinal) ?? false;

    public void AddVerified(string orderNumber)
    {
        VerifiedOrders ??= [];
        if (!VerifiedOrders.Contains(orderNumber, StringComparer.Ordinal))
        {
            VerifiedOrders.Add(orderNumber);
        }
    }
}
