using System.Globalization;
using HelpBot.AgentDesk.Transcripts;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace HelpBot.AgentDesk.Tests.Infrastructure;

/// <summary>
/// Turns as the transcript middleware records them (snapshots of real Bot Framework activities): Chinese text,
/// suggested actions of several kinds, a hero card and a screenshot attachment, channel data, an event with a value,
/// Teams-like accounts and conversation, and a comparison that ignores only what the stores may change.
/// </summary>
public static class TranscriptSamples
{
    public const string Channel = "msteams";

    private static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, 123, TimeSpan.Zero);

    public static ChannelAccount User => new("29:user-1", "王小明", RoleTypes.User, "aad-0001") { Properties = { ["tenantId"] = "t-1" } };

    public static ChannelAccount Bot => new("28:bot", "HelpBot", RoleTypes.Bot);

    public static ConversationAccount Conversation(string conversationId) =>
        new(isGroup: false, conversationType: "personal", id: conversationId, tenantId: "t-1");

    /// <summary>Turn <paramref name="index"/> of a conversation: the customer's message and the bot's replies.</summary>
    public static IReadOnlyList<JObject> Turn(string conversationId, int index, string locale = "zh-CN") =>
        [.. TurnActivities(conversationId, index, locale).Select(TranscriptActivities.Snapshot)];

    /// <summary>The activities of <see cref="Turn"/>, before they are snapshotted.</summary>
    public static IReadOnlyList<IActivity> TurnActivities(string conversationId, int index, string locale = "zh-CN")
    {
        var time = Start.AddSeconds(index * 10);
        var incoming = new Activity(ActivityTypes.Message)
        {
            Id = $"{conversationId}|{index:D7}",
            Timestamp = time,
            LocalTimestamp = time.ToOffset(TimeSpan.FromHours(8)),
            ServiceUrl = "https://smba.trafficmanager.net/apac/",
            ChannelId = Channel,
            From = User,
            Recipient = Bot,
            Conversation = Conversation(conversationId),
            Locale = locale,
            Text = $"第{index}次：付了钱显示未支付 订单号 2611240000000004 😟",
            ChannelData = new JObject { ["tenant"] = new JObject { ["id"] = "t-1" }, ["clientInfo"] = new JObject { ["appVersion"] = "8.2.1" } },
            Attachments =
            [
                new Attachment { ContentType = "image/png", ContentUrl = "https://example.invalid/shot.png", Name = "截图.png" },
            ],
            Entities = [new Entity("clientInfo") { Properties = { ["locale"] = locale, ["country"] = "CN" } }],
        };
        var reply = new Activity(ActivityTypes.Message)
        {
            Id = $"reply-{index}",
            Timestamp = time.AddMilliseconds(350.1234),
            ServiceUrl = incoming.ServiceUrl,
            ChannelId = Channel,
            From = Bot,
            Recipient = User,
            Conversation = Conversation(conversationId),
            ReplyToId = incoming.Id,
            Locale = locale,
            TextFormat = TextFormatTypes.Markdown,
            InputHint = InputHints.ExpectingInput,
            Text = "**订单 2611240000000004**：款项已扣但订单显示未支付。\n\n请不要重复付款，系统会在 1 小时内自动退回。",
            SuggestedActions = new SuggestedActions
            {
                Actions =
                [
                    new CardAction(ActionTypes.ImBack, "转给客服处理", value: "转给客服处理"),
                    new CardAction(ActionTypes.ImBack, "粥小铺 · 商家准备中 · #0007", value: "2611240000000007"),
                    new CardAction(ActionTypes.OpenUrl, "查看订单", value: "https://example.invalid/orders/2611240000000004"),
                    new CardAction(ActionTypes.MessageBack, "⭐⭐⭐⭐", text: "4", displayText: "⭐⭐⭐⭐", value: new JObject { ["rating"] = 4 }),
                ],
            },
        };
        var card = new Activity(ActivityTypes.Message)
        {
            Timestamp = time.AddMilliseconds(351),
            ServiceUrl = incoming.ServiceUrl,
            ChannelId = Channel,
            From = Bot,
            Recipient = User,
            Conversation = Conversation(conversationId),
            ReplyToId = incoming.Id,
            Locale = locale,
            AttachmentLayout = AttachmentLayoutTypes.Carousel,
            Attachments =
            [
                new HeroCard("订单 2611240000000004", "福满园黄焖鸡米饭", "商家准备中", buttons: [new CardAction(ActionTypes.ImBack, "取消订单", value: "取消订单")]).ToAttachment(),
            ],
        };
        var rating = new Activity(ActivityTypes.Event)
        {
            Name = "caseRating",
            Value = new JObject { ["stars"] = 4, ["comment"] = "很快", ["at"] = "2026-11-24T10:00:00" },
            Timestamp = time.AddMilliseconds(400),
            ServiceUrl = incoming.ServiceUrl,
            ChannelId = Channel,
            From = Bot,
            Recipient = User,
            Conversation = Conversation(conversationId),
            ReplyToId = "someone-else",
        };
        return [incoming, reply, card, rating];
    }

    /// <summary>
    /// An activity as a comparable JSON text: null and empty values left out (the stores drop them), dates as instants
    /// with their offset (a store may spell them differently), properties sorted.
    /// </summary>
    public static string Comparable(JObject activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var copy = new JObject();
        foreach (var property in activity.Properties().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (property.Value.Type is JTokenType.Null || property.Value is JArray { Count: 0 } || property.Value is JObject { Count: 0 })
            {
                continue;
            }

            copy[property.Name] = property.Name is "timestamp" or "localTimestamp" ? Instant(property.Value) : Sorted(property.Value);
        }

        return copy.ToString(Newtonsoft.Json.Formatting.None);
    }

    private static string Instant(JToken date)
    {
        var value = date.Type == JTokenType.String
            ? DateTimeOffset.Parse((string)date!, CultureInfo.InvariantCulture)
            : date.ToObject<DateTimeOffset>();
        return value.ToString("O", CultureInfo.InvariantCulture);
    }

    private static JToken Sorted(JToken token) => token switch
    {
        JObject obj => new JObject(obj.Properties().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new JProperty(p.Name, Sorted(p.Value)))),
        JArray array => new JArray(array.Select(Sorted)),
        _ => token.DeepClone(),
    };
}
