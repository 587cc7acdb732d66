using HelpBot.AgentDesk.Tests.Infrastructure;
using HelpBot.AgentDesk.Transcripts;
using HelpBot.Benchmark;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace HelpBot.AgentDesk.Tests;

/// <summary>
/// TranscriptTurnEncoder (straight from the activities, as RedisTranscriptStore records) against the old path
/// (snapshots, then TranscriptTurnCodec.Encode): the same header, activities that decode to the same JSON, turn
/// elements no larger; for a corpus of the activities a conversation has and for whole conversations with the real bot.
/// </summary>
public sealed class TranscriptTurnEncoderTests(ITestOutputHelper output)
{
    private const string ConversationId = "a1b2c3";

    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 15, 0, 456, TimeSpan.Zero);

    public static TheoryData<string> Turns => [.. Corpus().Keys];

    [Theory]
    [MemberData(nameof(Turns))]
    public void A_turn_encoded_from_its_activities_decodes_as_from_their_snapshots(string name)
    {
        var turn = Corpus()[name];
        var (comparison, writtenDirectly) = Encode(TranscriptSamples.Channel, ConversationId, turn);

        Assert.Empty(comparison.Differences());
        Assert.Equal(turn.Count, comparison.NewDecoded.Count);
        output.WriteLine($"{name}: old {comparison.OldTurn.Length} bytes, new {comparison.NewTurn.Length} bytes, {writtenDirectly} of {turn.Count} written directly");

        // Only what the encoder cannot write exactly goes through a snapshot.
        var snapshotted = turn.Count(a => a.Activity.GetType() != typeof(Activity) || ((Activity)a.Activity).Properties.ContainsKey("text"));
        Assert.Equal(name == "first activity without a usable time" ? 0 : turn.Count - snapshotted, writtenDirectly);

        // Today it is the same bytes: the same fields in the same order.
        Assert.Equal(comparison.OldTurn, comparison.NewTurn);
    }

    [Fact]
    public void The_turn_records_each_activity_as_it_was_when_recorded()
    {
        var incoming = Message("hello", timestamp: Now);
        var reply = Reply("first");
        var encoder = new TranscriptTurnEncoder(TranscriptSamples.Channel, ConversationId);
        encoder.Add(incoming, null, Now);
        encoder.Add(reply, "r-1", Now.AddMilliseconds(5));
        incoming.Text = "changed later";
        reply.Text = "changed later";
        reply.Id = "r-2";

        var (header, turn) = encoder.Finish();
        var decoded = TranscriptTurnCodec.DecodeTurn(TranscriptSamples.Channel, ConversationId, TranscriptTurnCodec.DecodeHeader(header), turn);
        Assert.Equal(["hello", "first"], decoded.Select(a => (string?)a["text"]));
        Assert.Equal("r-1", (string?)decoded[1]["id"]);
        Assert.Throws<InvalidOperationException>(() => encoder.Add(reply, null, Now));
    }

    [Fact]
    public void An_activity_that_cannot_be_serialized_throws_and_leaves_the_turn_as_it_was()
    {
        var broken = Reply("broken");
        broken.ChannelData = new Unserializable();
        var brokenFirst = Message("broken first", timestamp: Now);
        brokenFirst.Value = new Unserializable();
        var encoder = new TranscriptTurnEncoder(TranscriptSamples.Channel, ConversationId);
        var snapshots = new List<JObject>();
        foreach (var (activity, id) in new (IActivity, string?)[] { (brokenFirst, null), (Message("hello", timestamp: Now), null), (Reply("first"), "r-1"), (broken, "r-2"), (Reply("second"), "r-3") })
        {
            try
            {
                snapshots.Add(TranscriptActivities.Snapshot(activity, id, Now));
            }
            catch (Newtonsoft.Json.JsonSerializationException)
            {
                Assert.ThrowsAny<Newtonsoft.Json.JsonException>(() => encoder.Add(activity, id, Now));
                continue;
            }

            encoder.Add(activity, id, Now);
        }

        var comparison = EncodedTurnComparison.Of(TranscriptSamples.Channel, ConversationId, snapshots, encoder);
        Assert.Empty(comparison.Differences());
        Assert.Equal(["hello", "first", "second"], comparison.NewDecoded.Select(a => (string?)a["text"]));
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public async Task Every_turn_of_the_real_bots_conversation_encodes_as_before(string locale)
    {
        await using var channel = await ChannelRecorder.StartAsync();
        ComparingTranscriptStore? comparing = null;
        await using var server = await DeskServer.StartAsync(channel.BaseUrl, services: services =>
            services.AddSingleton<ITranscriptStore>(sp =>
                comparing = new ComparingTranscriptStore(new StorageTranscriptStore(new Microsoft.Bot.Builder.MemoryStorage(), sp.GetRequiredService<IOptions<AgentDeskOptions>>()))));
        var conversationId = "encode-" + locale;
        foreach (var turn in ConversationScript.HelpBot(locale))
        {
            await server.SayAsync(conversationId, turn.Text, locale);
        }

        // A screenshot, as Web Chat uploads it, and a question the bot does not understand.
        await server.SayAsync(conversationId, null, locale, attachments: ("image/png", "https://example.invalid/screenshot.png"));
        await server.SayAsync(conversationId, "🙂 订单 2611240000000004 付款后显示未支付？", locale);

        var turns = Assert.IsType<ComparingTranscriptStore>(comparing).Turns.ToArray();
        Assert.True(turns.Length >= ConversationScript.HelpBot(locale).Count + 2, $"{turns.Length} turns recorded");
        Assert.Contains(turns, t => t.Snapshots.Count > 1);
        foreach (var turn in turns)
        {
            Assert.Empty(turn.Differences());
            Assert.Equal(turn.OldTurn, turn.NewTurn);
        }

        output.WriteLine($"{locale}: {turns.Length} turns, {turns.Sum(t => t.OldTurn.Length)} bytes both ways");
    }

    private static (EncodedTurnComparison Comparison, int WrittenDirectly) Encode(string channelId, string conversationId, IReadOnlyList<(IActivity Activity, string? Id, DateTimeOffset Now)> turn)
    {
        // Each activity is snapshotted and encoded when it is recorded, as the middleware does.
        var snapshots = new List<JObject>();
        var encoder = new TranscriptTurnEncoder(channelId, conversationId);
        foreach (var (activity, id, now) in turn)
        {
            snapshots.Add(TranscriptActivities.Snapshot(activity, id, now));
            encoder.Add(activity, id, now);
        }

        return (EncodedTurnComparison.Of(channelId, conversationId, snapshots, encoder), encoder.WrittenDirectly);
    }

    private static Dictionary<string, IReadOnlyList<(IActivity Activity, string? Id, DateTimeOffset Now)>> Corpus()
    {
        var later = Now.AddMilliseconds(120.5);
        return new(StringComparer.Ordinal)
        {
            ["order status"] =
            [
                (Message("第2次：付了钱显示未支付 订单号 2611240000000004 😟", timestamp: Now), null, Now),
                (Reply("**订单 2611240000000004**：款项已扣但订单显示未支付。", buttons: OrderButtons()), "r-1", later),
                (Reply("还有什么可以帮您？", buttons: [new CardAction(ActionTypes.ImBack, "解决了", value: "解决了")]), "r-2", later.AddTicks(1)),
            ],
            ["incoming without timestamp or id"] =
            [
                (Message("hi", timestamp: null, id: null), null, Now),
                (Reply("Hello!", timestamp: null), null, later),
            ],
            ["direct line ids and a local time with an offset"] =
            [
                (Message("你好", timestamp: Now, id: ConversationId + "|0000007", localTimestamp: Now.ToOffset(TimeSpan.FromHours(8))), null, Now),
                (Reply("您好！", timestamp: Now.AddSeconds(1).ToOffset(TimeSpan.FromHours(-5.5))), ConversationId + "|0000008", later),
                (Reply("请选择", replyToId: "someone-else"), ConversationId, later),
            ],
            ["attachments, entities, channel data"] =
            [
                (Screenshot(), null, Now),
                (HeroCardReply(), "r-1", later),
                (Reply("收到截图", entities: [new Entity("mention") { Properties = { ["text"] = "@王小明", ["mentioned"] = new JObject { ["id"] = "29:user-1" } } }]), "r-2", later),
            ],
            ["postback value and an event"] =
            [
                (Postback(), null, Now),
                (RatingEvent(), "r-1", later),
                (new Activity(ActivityTypes.Event) { Name = ActivityEventNames.ContinueConversation, Value = "resume", ValueType = "text", Timestamp = later }, null, later),
            ],
            ["reply differs from the header"] =
            [
                (Message("hello", timestamp: Now), null, Now),
                (DifferentReply(), "r-1", later),
                (new Activity(ActivityTypes.Message) { Text = "no accounts", Conversation = new ConversationAccount(id: ConversationId) }, "r-2", later),
                (new Activity(ActivityTypes.Message) { Text = "no conversation", From = TranscriptSamples.Bot, Recipient = TranscriptSamples.User }, "r-3", later),
            ],
            ["rare fields and custom properties"] =
            [
                (Message("hello", timestamp: Now, custom: true), null, Now),
                (RareReply(), "r-1", later),
                (new Activity(ActivityTypes.Message) { Text = string.Empty, ServiceUrl = string.Empty, Type = null, MembersAdded = [], Attachments = [], Entities = [] }, null, later),
            ],
            ["odd buttons"] =
            [
                (Message("buttons", timestamp: Now), null, Now),
                (Reply("all kinds", buttons: OddButtons()), "r-1", later),
                (new Activity(ActivityTypes.Message) { Text = "to someone", SuggestedActions = new SuggestedActions(to: ["29:user-1"], actions: [new CardAction(ActionTypes.ImBack, "a", value: "a")]) }, "r-2", later),
                (new Activity(ActivityTypes.Message) { Text = "no buttons", SuggestedActions = new SuggestedActions { Actions = [] } }, "r-3", later),
                (new Activity(ActivityTypes.Message) { Text = "nothing", SuggestedActions = new SuggestedActions() }, "r-4", later),
            ],
            ["extension data named like a field"] =
            [
                (Message("hello", timestamp: Now), null, Now),
                (new Activity(ActivityTypes.Message) { Properties = { ["text"] = "from extension data", ["speak"] = null } }, "r-1", later),
                (new TracedActivity { Type = ActivityTypes.Message, Text = "a subclass", Trace = "t-1" }, "r-2", later),
            ],
            ["accounts of every kind"] = Accounts(later),
            ["first activity without a usable time"] =
            [
                (new Activity(ActivityTypes.Message) { Text = "odd", Conversation = new ConversationAccount(id: ConversationId), Properties = { ["timestamp"] = "not a date" } }, null, Now),
                (Reply("later reply", timestamp: later), "r-1", later),
            ],
            ["first activity is a subclass"] =
            [
                (new TracedActivity { Type = ActivityTypes.Message, Text = "hello", Trace = "t-0", Timestamp = Now, Conversation = new ConversationAccount(id: ConversationId), From = TranscriptSamples.User, Recipient = TranscriptSamples.Bot }, null, Now),
                (Reply("hi"), "r-1", later),
            ],
        };
    }

    // The reply's accounts are the incoming activity's objects, changed in between; others with extension data the
    // encoder leaves to the serializer, a subclass, a group conversation.
    private static List<(IActivity Activity, string? Id, DateTimeOffset Now)> Accounts(DateTimeOffset later)
    {
        var incoming = Message("hello", timestamp: Now);
        var renamedBot = new ChannelAccount("28:bot", "HelpBot", RoleTypes.Bot);
        incoming.Recipient = renamedBot;
        var sameBot = new Activity(ActivityTypes.Message) { Text = "same object", From = renamedBot, Recipient = incoming.From, Conversation = incoming.Conversation };
        var renamed = new Activity(ActivityTypes.Message) { Text = "renamed", From = renamedBot, Recipient = incoming.From, Conversation = incoming.Conversation };
        return
        [
            (incoming, null, Now),
            (sameBot, "r-1", later),
            (new RenamingActivity(renamedBot) { Type = ActivityTypes.Message, Text = "after this the bot is renamed" }, "r-2", later),
            (renamed, "r-3", later),
            (new Activity(ActivityTypes.Message)
            {
                Text = "odd accounts",
                From = new ChannelAccount("28:bot", "HelpBot", RoleTypes.Bot) { Properties = { ["id"] = "shadow" } },
                Recipient = new ChannelAccount("29:user-1") { Properties = { ["nothing"] = null, ["tenantId"] = "t-1" } },
                Conversation = new ConversationAccount(isGroup: true, id: ConversationId, tenantId: "t-1"),
            }, "r-4", later),
            (new Activity(ActivityTypes.Message)
            {
                Text = "teams accounts",
                From = new Microsoft.Bot.Schema.Teams.TeamsChannelAccount { Id = "28:bot", Name = "HelpBot", Email = "bot@example.invalid" },
                Recipient = new ChannelAccount(),
                Conversation = new ConversationAccount(isGroup: false, conversationType: "personal", id: ConversationId, tenantId: "t-1"),
            }, "r-5", later),
        ];
    }

    private static Activity Message(string? text, DateTimeOffset? timestamp, string? id = "in-1", DateTimeOffset? localTimestamp = null, bool custom = false)
    {
        var activity = new Activity(ActivityTypes.Message)
        {
            Id = id,
            Timestamp = timestamp,
            LocalTimestamp = localTimestamp,
            LocalTimezone = localTimestamp is null ? null : "Asia/Shanghai",
            ServiceUrl = "https://smba.trafficmanager.net/apac/",
            ChannelId = TranscriptSamples.Channel,
            From = TranscriptSamples.User,
            Recipient = TranscriptSamples.Bot,
            Conversation = TranscriptSamples.Conversation(ConversationId),
            Locale = "zh-CN",
            Text = text,
            TextFormat = TextFormatTypes.Plain,
            ChannelData = new JObject { ["tenant"] = new JObject { ["id"] = "t-1" }, ["clientInfo"] = new JObject { ["appVersion"] = "8.2.1" } },
            Entities = [new Entity("clientInfo") { Properties = { ["locale"] = "zh-CN", ["country"] = "CN", ["timezone"] = "Asia/Shanghai" } }],
        };
        if (custom)
        {
            activity.Properties["traceparent"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
            activity.Properties["flags"] = new JObject { ["beta"] = true, ["score"] = 0.25, ["at"] = "2026-11-30T08:00:00" };
            activity.Properties["nothing"] = null;
        }

        return activity;
    }

    private static Activity Reply(string text, IList<CardAction>? buttons = null, DateTimeOffset? timestamp = null, string replyToId = "in-1", IList<Entity>? entities = null) => new(ActivityTypes.Message)
    {
        Timestamp = timestamp,
        ServiceUrl = "https://smba.trafficmanager.net/apac/",
        ChannelId = TranscriptSamples.Channel,
        From = TranscriptSamples.Bot,
        Recipient = TranscriptSamples.User,
        Conversation = TranscriptSamples.Conversation(ConversationId),
        ReplyToId = replyToId,
        Locale = "zh-CN",
        TextFormat = TextFormatTypes.Markdown,
        InputHint = buttons is null ? InputHints.AcceptingInput : InputHints.ExpectingInput,
        Text = text,
        SuggestedActions = buttons is null ? null : new SuggestedActions { Actions = buttons },
        Entities = entities ?? [],
    };

    private static List<CardAction> OrderButtons() =>
    [
        new(ActionTypes.ImBack, "转给客服处理", value: "转给客服处理"),
        new(ActionTypes.ImBack, "粥小铺 · 商家准备中 · #0007", value: "2611240000000007"),
        new(ActionTypes.OpenUrl, "查看订单", value: "https://example.invalid/orders/2611240000000004"),
        new(ActionTypes.MessageBack, "⭐⭐⭐⭐", text: "4", displayText: "⭐⭐⭐⭐", value: new JObject { ["rating"] = 4 }),
    ];

    private static List<CardAction> OddButtons() =>
    [
        new(ActionTypes.ImBack, "with image", image: "https://example.invalid/i.png", value: "with image"),
        new(ActionTypes.ImBack, "token value", value: new JValue("token value")),
        new(ActionTypes.ImBack, "number", value: 7),
        new(ActionTypes.ImBack, null, value: "no title"),
        new(ActionTypes.PostBack, "postBack", value: "postBack"),
        new(ActionTypes.ImBack, string.Empty, value: string.Empty),
    ];

    private static Activity Screenshot()
    {
        var activity = Message(null, timestamp: Now);
        activity.Attachments =
        [
            new Attachment { ContentType = "image/png", ContentUrl = "https://example.invalid/shot.png", Name = "截图.png" },
        ];
        return activity;
    }

    private static Activity HeroCardReply()
    {
        var reply = Reply("订单详情");
        reply.AttachmentLayout = AttachmentLayoutTypes.Carousel;
        reply.Attachments =
        [
            new HeroCard("订单 2611240000000004", "福满园黄焖鸡米饭", "商家准备中", buttons: [new CardAction(ActionTypes.ImBack, "取消订单", value: "取消订单")]).ToAttachment(),
            new Attachment { ContentType = "application/vnd.example", Content = new { Count = 2, When = Now, Skip = (string?)null }, Properties = { ["extra"] = 1 } },
        ];
        return reply;
    }

    private static Activity Postback()
    {
        var activity = Message(null, timestamp: Now);
        activity.Value = new JObject { ["action"] = "rate", ["stars"] = 4, ["at"] = new JValue(Now) };
        activity.ChannelData = new { postBack = true, source = "button" };
        return activity;
    }

    private static Activity RatingEvent() => new(ActivityTypes.Event)
    {
        Name = "caseRating",
        Value = new JObject { ["stars"] = 4, ["comment"] = "很快", ["at"] = "2026-11-24T10:00:00" },
        ValueType = "application/json",
        ServiceUrl = "https://smba.trafficmanager.net/apac/",
        ChannelId = TranscriptSamples.Channel,
        From = TranscriptSamples.Bot,
        Recipient = TranscriptSamples.User,
        Conversation = TranscriptSamples.Conversation(ConversationId),
        ReplyToId = "someone-else",
    };

    private static Activity DifferentReply()
    {
        var reply = Reply("Hello in English");
        reply.From = new ChannelAccount("28:other-bot", "Other");
        reply.Recipient = new ChannelAccount("29:user-2");
        reply.Locale = "en-US";
        reply.ServiceUrl = "https://smba.trafficmanager.net/emea/";
        reply.ChannelId = "webchat";
        reply.Conversation = new ConversationAccount(id: ConversationId, name: "renamed");
        return reply;
    }

    private static Activity RareReply()
    {
        var reply = Reply("rare fields", timestamp: Now.AddMinutes(-1));
        reply.Speak = "<speak>rare</speak>";
        reply.Summary = "summary";
        reply.Label = "label";
        reply.CallerId = "urn:botframework:azure";
        reply.DeliveryMode = DeliveryModes.ExpectReplies;
        reply.InputHint = "customHint";
        reply.TextFormat = "html";
        reply.AttachmentLayout = AttachmentLayoutTypes.List;
        reply.Importance = ActivityImportance.High;
        reply.Expiration = Now.AddHours(1);
        reply.ListenFor = ["yes", "no"];
        reply.TextHighlights = [new TextHighlight("rare", 1)];
        reply.HistoryDisclosed = false;
        reply.TopicName = "话题";
        reply.Code = EndOfConversationCodes.CompletedSuccessfully;
        reply.RelatesTo = new ConversationReference(activityId: "x", conversation: new ConversationAccount(id: "other"));
        reply.SemanticAction = new SemanticAction("s-1", new Dictionary<string, Entity>()) { State = "start" };
        reply.Properties["custom"] = new JArray(1, "二", new JObject());
        reply.Properties["empty"] = new JObject();
        return reply;
    }

    /// <summary>A value whose serialization fails.</summary>
    private sealed class Unserializable
    {
        public string Value => throw new InvalidOperationException("not now");
    }

    /// <summary>An Activity subclass that renames the bot's account when it is serialized (between two recordings).</summary>
    private sealed class RenamingActivity(ChannelAccount bot) : Activity
    {
        [Newtonsoft.Json.JsonProperty("renamed")]
        public string Renamed
        {
            get
            {
                bot.Name = "HelpBot (renamed)";
                return "yes";
            }
        }
    }

    /// <summary>An Activity subclass with a field of its own (the snapshot serializes it; the encoder falls back to it).</summary>
    private sealed class TracedActivity : Activity
    {
        [Newtonsoft.Json.JsonProperty("trace")]
        public string? Trace { get; set; }
    }
}
