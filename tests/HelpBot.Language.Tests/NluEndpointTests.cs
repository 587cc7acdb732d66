using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HelpBot.Language.Http;
using HelpBot.Language.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HelpBot.Language.Tests;

/// <summary>Real HTTP against a minimal app on Kestrel at 127.0.0.1:0.</summary>
public sealed class NluEndpointTests : IAsyncLifetime
{
    private WebApplication? _app;
    private HttpClient _client = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHelpBotRecognizer>(SharedRecognizer.Instance);
        _app = builder.Build();
        _app.MapNluEndpoints();
        await _app.StartAsync();

        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Parse_returns_intent_score_entities_top_intents_and_language()
    {
        using var response = await _client.PostAsJsonAsync("/api/nlu/parse", new { text = "付了35元显示未支付，订单号 2611 2400 0000 0002", locale = "zh-CN" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        Assert.Equal("payment_failed", root.GetProperty("intent").GetString());
        Assert.InRange(root.GetProperty("score").GetDouble(), 0.0, 1.0);
        Assert.Equal("zh-CN", root.GetProperty("language").GetString());
        Assert.Equal(15, root.GetProperty("topIntents").GetArrayLength());
        Assert.Equal("payment_failed", root.GetProperty("topIntents")[0].GetProperty("intent").GetString());
        var entities = root.GetProperty("entities").EnumerateArray()
            .Select(e => (e.GetProperty("type").GetString(), e.GetProperty("value").GetString(), e.GetProperty("text").GetString()))
            .ToList();
        Assert.Contains(("money", "35 CNY", "35元"), entities);
        Assert.Contains(("order_number", "2611240000000002", "2611 2400 0000 0002"), entities);
    }

    [Fact]
    public async Task Locale_is_optional()
    {
        using var response = await _client.PostAsJsonAsync("/api/nlu/parse", new { text = "agent pls" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<NluParseResponse>();
        Assert.Equal("human_agent", body!.Intent);
        Assert.Equal("en-US", body.Language);
    }

    [Theory]
    [InlineData("{not json", "JSON object")]
    [InlineData("", "JSON object")]
    [InlineData("[1,2]", "JSON object")]
    [InlineData("{}", "\"text\" is required")]
    [InlineData("{\"text\": null}", "\"text\" is required")]
    [InlineData("{\"text\": \"\"}", "must not be empty")]
    [InlineData("{\"text\": \"   \"}", "must not be empty")]
    [InlineData("{\"text\": 42}", "\"text\" must be a string")]
    [InlineData("{\"text\": \"hi\", \"locale\": \"fr-FR\"}", "Unsupported locale")]
    [InlineData("{\"text\": \"hi\", \"locale\": 7}", "\"locale\" must be a string")]
    public async Task Bad_input_gets_400_with_a_json_error(string body, string expectedFragment)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync("/api/nlu/parse", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<NluError>();
        Assert.Contains(expectedFragment, error!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_over_the_cap_gets_400()
    {
        using var response = await _client.PostAsJsonAsync("/api/nlu/parse", new { text = new string('到', NluEndpoints.MaxTextLength + 1) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<NluError>();
        Assert.Contains("longer than", error!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oversized_body_gets_413_with_a_json_error()
    {
        var huge = "{\"text\": \"" + new string('a', NluEndpoints.MaxBodyBytes + 10) + "\"}";
        using var content = new StringContent(huge, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync("/api/nlu/parse", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.NotNull((await response.Content.ReadFromJsonAsync<NluError>())!.Error);
    }
}
