using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using HelpBot.Dialogs.Resources;
using HelpBot.Testing.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace HelpBot.EndToEnd.Tests;

/// <summary>
/// Text that JSON carries but .NET's text handling refuses (lone surrogates, noncharacters, control characters in ids),
/// sent over real HTTP: the customer gets an answer and keeps the conversation; an API client gets a 400; never a 500.
/// </summary>
public sealed class BrokenUnicodeTests
{
    private const string AgentToken = "unicode-test-agent-token";
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    // JSON escapes as they appear on the wire. (The activity's JSON reader turns a lone surrogate into U+FFFD itself;
    // those cases stay here so that remains true.)
    [Theory]
    [InlineData(@"\ufffe")]
    [InlineData(@"12\uffff")]
    [InlineData(@"订单\ufdd0")]
    [InlineData(@"a\ud800b")]
    [InlineData(@"\udc00")]
    [InlineData(@"\ud83d")]
    public async Task Broken_unicode_in_a_message_is_answered_and_keeps_the_conversation(string escapedText)
    {
        await using var server = await StartAsync();
        var conversation = "unicode-" + Guid.NewGuid().ToString("N");
        await server.SayAsync(conversation, "查订单");

        var body = CustomerMessages.Message(conversation, "@@TEXT@@", "zh-CN").ToJsonString().Replace("@@TEXT@@", escapedText, StringComparison.Ordinal);
        using var response = await server.Http.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
        var replies = HelpBotServer.TextOf(CustomerMessages.Replies(await response.Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(replies);
        Assert.DoesNotContain(Strings.ResourceManager.GetString(nameof(Strings.Error_Apology), Chinese)!, replies, StringComparison.Ordinal);
        var key = $"webchat/conversations/{conversation}";
        var stored = await server.Services.GetRequiredService<IStorage>().ReadAsync([key], CancellationToken.None);
        Assert.True(stored.ContainsKey(key), "The conversation's state was deleted.");
    }

    [Theory]
    [InlineData(@"u\u0000x")]
    [InlineData(@"u\u0007")]
    [InlineData(@"u\uffff")]
    public async Task An_id_with_control_characters_or_broken_unicode_gets_400(string escapedId)
    {
        await using var server = await StartAsync();
        var body = CustomerMessages.Message("unicode-id", "查订单", "zh-CN", userId: "@@ID@@").ToJsonString().Replace("@@ID@@", escapedId, StringComparison.Ordinal);

        using var response = await server.Http.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("from.id", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"{""text"": ""a\ud800b""}")]
    [InlineData(@"{""text"": ""\udc00""}")]
    [InlineData(@"{""text"": ""hi"", ""locale"": ""\ud800""}")]
    public async Task A_lone_surrogate_sent_to_the_nlu_api_gets_400(string body)
    {
        await using var server = await StartAsync();

        using var response = await server.Http.PostAsync("/api/nlu/parse", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Unicode", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Noncharacters_sent_to_the_nlu_api_are_parsed()
    {
        await using var server = await StartAsync();

        using var response = await server.Http.PostAsync("/api/nlu/parse", new StringContent(@"{""text"": ""订单\ufffe\uffff到哪了""}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("messages", @"{""text"": ""a\ud800b""}")]
    [InlineData("claim", @"{""agent"": ""\udc00""}")]
    [InlineData("close", @"{""resolution"": ""\ud800""}")]
    public async Task A_lone_surrogate_sent_to_the_agent_api_gets_400(string action, string body)
    {
        await using var server = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/agent/escalations/no-such-case/{action}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AgentToken);

        using var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static Task<HelpBotServer> StartAsync() =>
        HelpBotServer.StartAsync(new Dictionary<string, string?> { ["AgentDesk:Tokens:0"] = AgentToken });
}
