using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using HelpBot.Bot;
using HelpBot.SdkWorkarounds;
using HelpBot.Dialogs.Resources;

namespace HelpBot.Security.Tests;

/// <summary>
/// Bad input to POST /api/messages gets a 4xx with a JSON error, or a clear message from the bot; never a 500, and the
/// conversation carries on afterwards.
/// </summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, string> RejectedBodies() => new()
    {
        { "truncated JSON", """{"type":"message","text":"hi""" },
        { "not an object", """["type","message"]""" },
        { "type missing", """{"text":"hi","from":{"id":"u"},"conversation":{"id":"%C%"},"serviceUrl":"http://127.0.0.1:1"}""" },
        { "type is a number", """{"type":7,"text":"hi","from":{"id":"u"},"conversation":{"id":"%C%"},"serviceUrl":"http://127.0.0.1:1"}""" },
        { "conversation missing", """{"type":"message","text":"hi","from":{"id":"u"},"serviceUrl":"http://127.0.0.1:1"}""" },
        { "conversation id is an object", """{"type":"message","text":"hi","from":{"id":"u"},"conversation":{"id":{"a":1}},"serviceUrl":"http://127.0.0.1:1"}""" },
        { "from missing on a message", """{"type":"message","text":"hi","conversation":{"id":"%C%"},"serviceUrl":"http://127.0.0.1:1"}""" },
        { "from is a string", """{"type":"message","text":"hi","from":"u","conversation":{"id":"%C%"},"serviceUrl":"http://127.0.0.1:1"}""" },
        { "serviceUrl not a URL", """{"type":"message","text":"hi","from":{"id":"u"},"conversation":{"id":"%C%"},"serviceUrl":"::not a url"}""" },
        { "serviceUrl of another scheme", """{"type":"message","text":"hi","from":{"id":"u"},"conversation":{"id":"%C%"},"serviceUrl":"file:///etc/passwd"}""" },
        { "text is a number", """{"type":"message","text":12345,"from":{"id":"u"},"conversation":{"id":"%C%"},"serviceUrl":"http://127.0.0.1:1"}""" },
        { "attachments is an object", """{"type":"message","text":"hi","attachments":{"a":1},"from":{"id":"u"},"conversation":{"id":"%C%"},"serviceUrl":"http://127.0.0.1:1"}""" },
        { "timestamp is not a date", """{"type":"message","text":"hi","timestamp":"yesterday-ish","from":{"id":"u"},"conversation":{"id":"%C%"},"serviceUrl":"http://127.0.0.1:1"}""" },
        { "entities is a string", """{"type":"message","text":"hi","entities":"x","from":{"id":"u"},"conversation":{"id":"%C%"},"serviceUrl":"http://127.0.0.1:1"}""" },
        { "membersAdded is a number", """{"type":"conversationUpdate","membersAdded":5,"from":{"id":"u"},"conversation":{"id":"%C%"},"serviceUrl":"http://127.0.0.1:1"}""" },
    };

    [Theory]
    [MemberData(nameof(RejectedBodies))]
    public async Task Malformed_or_wrongly_typed_activities_get_400_with_a_json_error(string why, string template)
    {
        var conversation = Guid.NewGuid().ToString("N");
        var (status, body) = await _host.PostAsync(template.Replace("%C%", conversation, StringComparison.Ordinal));

        Assert.True(status == HttpStatusCode.BadRequest, $"{why}: answered {(int)status} {body}");
        var message = (string?)JsonNode.Parse(body)?["error"]?["message"];
        Assert.False(string.IsNullOrWhiteSpace(message), $"{why}: no error message in {body}");
        await AssertConversationGoesOnAsync(conversation);
    }

    [Fact]
    public async Task Non_json_content_type_gets_415()
    {
        var (status, body) = await _host.PostAsync("type=message&text=hi", contentType: "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.NotNull(JsonNode.Parse(body)?["error"]?["message"]);
    }

    [Fact]
    public async Task Body_over_the_size_limit_gets_413()
    {
        var conversation = Guid.NewGuid().ToString("N");
        var activity = BotHost.Message(conversation, new string('x', ActivityRequestValidator.MaxBodyBytes + 10));
        var (status, _) = await _host.PostAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        await AssertConversationGoesOnAsync(conversation);
    }

    [Fact]
    public async Task Unknown_activity_types_are_accepted_and_ignored()
    {
        var conversation = Guid.NewGuid().ToString("N");
        var activity = BotHost.Message(conversation, "hello");
        activity["type"] = "somethingNobodyDefined";

        var replies = await _host.SendAsync(activity);

        Assert.Empty(replies);
        await AssertConversationGoesOnAsync(conversation);
    }

    [Fact]
    public async Task Overlong_text_is_cut_to_the_limit_and_the_customer_is_told()
    {
        var conversation = Guid.NewGuid().ToString("N");
        var text = "check my order " + new string('a', 5000);

        var replies = await _host.SayAsync(conversation, text);

        Assert.Contains(replies, r => r == BotHost.Format(nameof(Strings.Input_TextTruncated), new InputLimitOptions().MaxTextLength));
        Assert.True(replies.Count >= 2, "The turn itself must go on after the notice: " + string.Join(" | ", replies));
        await AssertConversationGoesOnAsync(conversation);
    }

    [Fact]
    public async Task Text_at_the_limit_is_not_cut()
    {
        var conversation = Guid.NewGuid().ToString("N");
        var replies = await _host.SayAsync(conversation, new string('b', new InputLimitOptions().MaxTextLength));

        Assert.DoesNotContain(replies, r => r == BotHost.Format(nameof(Strings.Input_TextTruncated), new InputLimitOptions().MaxTextLength));
        Assert.NotEmpty(replies);
    }

    [Fact]
    public async Task Deeply_nested_channel_data_is_refused()
    {
        var conversation = Guid.NewGuid().ToString("N");
        var nested = new StringBuilder();
        for (var i = 0; i < 200; i++)
        {
            nested.Append("{\"a\":");
        }

        nested.Append('1').Append('}', 200);
        var body = BotHost.Message(conversation, "hello").ToJsonString().TrimEnd('}') + ",\"channelData\":" + nested + "}";

        var (status, response) = await _host.PostAsync(body);

        Assert.True(status == HttpStatusCode.BadRequest, $"answered {(int)status} {response}");
        await AssertConversationGoesOnAsync(conversation);
    }

    [Theory]
    [InlineData("lone high surrogate", "\"check \\ud800 my order\"")]
    [InlineData("lone low surrogate", "\"\\udc00\\udc00\"")]
    [InlineData("NUL characters", "\"\\u0000\\u0000help\\u0000\"")]
    [InlineData("control characters", "\"\\u0001\\u001f\\u007f\\u202e\\ufeff\"")]
    [InlineData("only whitespace", "\"   \\t\\n  \"")]
    public async Task Invalid_unicode_never_causes_a_500(string why, string jsonText)
    {
        var conversation = Guid.NewGuid().ToString("N");
        var body = BotHost.Message(conversation, "placeholder").ToJsonString().Replace("\"placeholder\"", jsonText, StringComparison.Ordinal);

        var (status, response) = await _host.PostAsync(body);

        Assert.True(status == HttpStatusCode.OK, $"{why}: answered {(int)status} {response}");
        Assert.NotEmpty(BotHost.RepliesIn(response));
        await AssertConversationGoesOnAsync(conversation);
    }

    [Fact]
    public async Task Invalid_utf8_bytes_never_cause_a_500()
    {
        var conversation = Guid.NewGuid().ToString("N");
        var json = Encoding.UTF8.GetBytes(BotHost.Message(conversation, "XX").ToJsonString());
        var at = Array.IndexOf(json, (byte)'X');
        json[at] = 0xC3;
        json[at + 1] = 0x28;
        using var content = new ByteArrayContent(json);
        content.Headers.ContentType = new("application/json");

        using var response = await _host.Http.PostAsync("/api/messages", content);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"answered {(int)response.StatusCode}");
        await AssertConversationGoesOnAsync(conversation);
    }

    [Fact]
    public async Task Tens_of_attachments_are_refused()
    {
        var conversation = Guid.NewGuid().ToString("N");
        var activity = BotHost.Message(conversation, "see the screenshots");
        activity["attachments"] = new JsonArray([.. Enumerable.Range(0, 40).Select(i => (JsonNode)Attachment(i))]);

        var (status, body) = await _host.PostAsync(activity.ToJsonString());

        Assert.True(status == HttpStatusCode.BadRequest, $"answered {(int)status} {body}");
        Assert.Contains(ActivityRequestValidator.MaxAttachments.ToString(System.Globalization.CultureInfo.InvariantCulture), body, StringComparison.Ordinal);
        await AssertConversationGoesOnAsync(conversation);
    }

    [Fact]
    public async Task A_non_image_dressed_as_an_image_does_not_break_the_turn()
    {
        var conversation = Guid.NewGuid().ToString("N");
        var activity = BotHost.Message(conversation, null);
        activity.Remove("text");
        activity["attachments"] = new JsonArray(
            new JsonObject { ["contentType"] = "image/png", ["contentUrl"] = "data:image/png;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes("#!/bin/sh\nrm -rf /\n")), ["name"] = "screenshot.png" },
            new JsonObject { ["contentType"] = "image/jpeg", ["contentUrl"] = "http://127.0.0.1:1/evil.exe", ["name"] = "photo.jpg.exe" },
            new JsonObject { ["contentType"] = "image/gif", ["content"] = new JsonObject { ["not"] = "an image" } });

        var replies = await _host.SendAsync(activity);

        Assert.Contains(BotHost.Text(nameof(Strings.NeedText)), replies);
        await AssertConversationGoesOnAsync(conversation);
    }

    private static JsonObject Attachment(int i) => new()
    {
        ["contentType"] = "image/png",
        ["contentUrl"] = $"http://127.0.0.1:1/shot{i}.png",
    };

    private async Task AssertConversationGoesOnAsync(string conversationId)
    {
        // Whatever the bad activity did to the flow, the customer can start over and be served normally.
        Assert.NotEmpty(await _host.SayAsync(conversationId, "start over"));
        var replies = await _host.SayAsync(conversationId, "check my order");
        Assert.Contains(replies, r => r.Contains(BotHost.Fragment(nameof(Strings.Order_PickRecent)), StringComparison.Ordinal));
    }
}
