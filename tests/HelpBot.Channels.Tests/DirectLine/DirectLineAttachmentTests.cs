using System.Net;
using System.Net.Http.Headers;
using HelpBot.Channels.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace HelpBot.Channels.Tests.DirectLine;

public sealed class DirectLineAttachmentTests
{
    [Fact]
    public async Task An_uploaded_png_reaches_the_bot_as_an_attachment_on_the_channel_host()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host);
        var started = await client.StartConversationAsync("demo-user");
        var conversationId = (string)started["conversationId"]!;

        using var upload = await UploadAsync(host, conversationId, (string)started["token"]!, userId: "demo-user", withActivity: true);
        var uploadBody = await upload.Content.ReadAsStringAsync();

        Assert.True(upload.StatusCode == HttpStatusCode.OK, uploadBody);
        var seen = host.Bot.Received.Single(a => a.Type == "message");
        var attachment = Assert.Single(seen.AsMessageActivity().Attachments);
        Assert.Equal("image/png", attachment.ContentType);
        Assert.Equal("photo.png", attachment.Name);
        Assert.StartsWith(host.ChannelUrls.AttachmentBaseUrl.AbsoluteUri, attachment.ContentUrl, StringComparison.Ordinal);
        Assert.Equal("my receipt", seen.AsMessageActivity().Text);
        Assert.Equal(TestPng.Bytes, host.Bot.Downloads[attachment.ContentUrl]);
        using var download = await host.Http.GetAsync(new Uri(attachment.ContentUrl));
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TestPng.Bytes, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_upload_without_an_activity_part_becomes_a_message_from_the_token_user()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host);
        var started = await client.StartConversationAsync("demo-user");

        using var upload = await UploadAsync(host, (string)started["conversationId"]!, (string)started["token"]!, userId: "spoofed", withActivity: false);

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var seen = host.Bot.Received.Single(a => a.Type == "message");
        Assert.Equal("demo-user", seen.From.Id);
        Assert.Single(seen.AsMessageActivity().Attachments);
    }

    [Fact]
    public async Task A_bot_reply_with_an_uploaded_attachment_is_downloadable_by_the_client()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host);
        var started = await client.StartConversationAsync("demo-user");
        var conversationId = (string)started["conversationId"]!;
        var token = (string)started["token"]!;

        await client.PostMessageAsync(conversationId, token, "attachment");
        var activities = (await client.GetActivitiesAsync(conversationId, token))["activities"]!;

        var reply = activities.Single(a => (string?)a["from"]?["id"] == "helpbot" && a["attachments"] is JArray { Count: > 0 });
        var contentUrl = (string)reply["attachments"]![0]!["contentUrl"]!;
        Assert.Equal(TestPng.Bytes, await host.Http.GetByteArrayAsync(new Uri(contentUrl)));
    }

    [Fact]
    public async Task An_oversize_file_is_refused_with_413_and_reaches_nobody()
    {
        await using var host = await DirectLineTestHost.StartAsync(new Dictionary<string, string?> { ["DirectLine:MaxUploadFileBytes"] = "32" });
        var client = new DirectLineTestClient(host);
        var started = await client.StartConversationAsync("demo-user");

        using var upload = await UploadAsync(host, (string)started["conversationId"]!, (string)started["token"]!, userId: "demo-user", withActivity: false);
        var error = await DirectLineTestClient.ReadJsonAsync(upload);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, upload.StatusCode);
        Assert.Equal("MessageSizeTooBig", (string)error["error"]!["code"]!);
        Assert.DoesNotContain(host.Bot.Received, a => a.Type == "message");
    }

    [Fact]
    public async Task An_upload_over_the_total_cap_is_refused_with_413()
    {
        await using var host = await DirectLineTestHost.StartAsync(new Dictionary<string, string?> { ["DirectLine:MaxUploadTotalBytes"] = "100" });
        var client = new DirectLineTestClient(host);
        var started = await client.StartConversationAsync("demo-user");
        using var content = new MultipartFormDataContent();
        content.Add(PngPart(), "file", "one.png");
        content.Add(PngPart(), "file", "two.png");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.DirectLineDomain + $"/conversations/{started["conversationId"]}/upload?userId=demo-user")) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (string)started["token"]!);

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.NotNull((await DirectLineTestClient.ReadJsonAsync(response))["error"]);
    }

    [Fact]
    public async Task Unknown_attachments_are_404_with_a_json_error()
    {
        await using var host = await DirectLineTestHost.StartAsync();

        using var response = await host.Http.GetAsync(new Uri(host.ChannelUrls.AttachmentUrl("does-not-exist").AbsoluteUri));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotNull((await DirectLineTestClient.ReadJsonAsync(response))["error"]?["code"]);
    }

    private static async Task<HttpResponseMessage> UploadAsync(DirectLineTestHost host, string conversationId, string token, string userId, bool withActivity)
    {
        using var content = new MultipartFormDataContent();
        if (withActivity)
        {
            // As DirectLineJS sends it: the template activity, its attachments without contentUrl, then the files.
            var activity = new JObject
            {
                ["type"] = "message",
                ["text"] = "my receipt",
                ["from"] = new JObject { ["id"] = userId },
                ["attachments"] = new JArray(new JObject { ["contentType"] = "image/png", ["name"] = "photo.png" }),
            };
            var activityPart = new StringContent(activity.ToString());
            activityPart.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
            content.Add(activityPart, "activity", "blob");
        }

        content.Add(PngPart(), "file", "photo.png");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.DirectLineDomain + $"/conversations/{conversationId}/upload?userId={userId}")) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await host.Http.SendAsync(request);
    }

    private static ByteArrayContent PngPart()
    {
        var part = new ByteArrayContent(TestPng.Bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return part;
    }
}
