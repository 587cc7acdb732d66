using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HelpBot.Scale.Tests.Infrastructure;

namespace HelpBot.Scale.Tests.Deployment;

/// <summary>
/// The host's console logs as the shipped configuration makes them (a real process, appsettings.json as published):
/// outside Development one JSON object per line with a UTC timestamp, for log collectors; in Development the
/// readable simple format. Credentials the host holds or hands out never appear in them.
/// </summary>
public sealed class JsonLogTests
{
    private const string AgentToken = "agent-token-4f1c9e0b2d7a4e55";
    private const string DirectLineSecret = "directline-secret-9b3e5a7c1d2f4068";

    // The configuration of a real deployment: no formatter chosen by the test, the environment's own default.
    private static readonly Dictionary<string, string?> ShippedLogging = new()
    {
        ["Logging__Console__FormatterName"] = null,
    };

    [Fact]
    public async Task Production_logs_are_json_lines_with_utc_timestamps_and_never_a_token()
    {
        var settings = new Dictionary<string, string>
        {
            ["AgentDesk:Tokens:0"] = AgentToken,
            ["DirectLine:Secret"] = DirectLineSecret,
        };
        string issuedToken;
        string output;
        await using (var bot = await BotProcess.StartAsync("json-logs", settings, ShippedLogging))
        {
            issuedToken = await TalkThroughDirectLineAsync(bot);
            using var desk = new HttpRequestMessage(HttpMethod.Get, "/api/agent/escalations");
            desk.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AgentToken);
            using var listed = await bot.Http.SendAsync(desk);
            Assert.True(listed.IsSuccessStatusCode, $"agent API answered {(int)listed.StatusCode}");
            await bot.KillAsync();
            output = bot.Output;
        }

        // "Killed" is the test's shell wrapper reporting the SIGKILL that ended the bot, not a line of the bot's.
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line != "Killed")
            .ToArray();
        Assert.True(lines.Length >= 3, output);
        foreach (var line in lines)
        {
            using var entry = ParseObject(line, output);
            var root = entry.RootElement;
            var timestamp = root.GetProperty("Timestamp").GetString()!;
            Assert.EndsWith("Z", timestamp, StringComparison.Ordinal);
            Assert.True(DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _), timestamp);
            Assert.False(string.IsNullOrEmpty(root.GetProperty("LogLevel").GetString()));
            Assert.False(string.IsNullOrEmpty(root.GetProperty("Category").GetString()));
            Assert.True(root.TryGetProperty("Message", out _), line);
        }

        Assert.Contains(lines, line => line.Contains("Recognizer ready", StringComparison.Ordinal));
        Assert.DoesNotContain(AgentToken, output, StringComparison.Ordinal);
        Assert.DoesNotContain(DirectLineSecret, output, StringComparison.Ordinal);
        Assert.DoesNotContain(issuedToken, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_keeps_the_readable_simple_format()
    {
        string output;
        await using (var bot = await BotProcess.StartAsync("simple-logs", new Dictionary<string, string>(), new Dictionary<string, string?>(ShippedLogging)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
        }))
        {
            await bot.KillAsync();
            output = bot.Output;
        }

        Assert.Contains("info: HelpBot", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Timestamp\"", output, StringComparison.Ordinal);
    }

    // The web chat's path: a token from the page's endpoint, a conversation and one message over Direct Line, and the
    // bot's answer read back; returns the token, which must not be logged anywhere.
    private static async Task<string> TalkThroughDirectLineAsync(BotProcess bot)
    {
        using var tokenResponse = await bot.Http.PostAsJsonAsync("/api/webchat/token", new { userId = "demo-user", locale = "zh-CN" });
        tokenResponse.EnsureSuccessStatusCode();
        using var issued = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync());
        var token = issued.RootElement.GetProperty("token").GetString()!;
        var conversationId = issued.RootElement.GetProperty("conversationId").GetString()!;

        using var start = Authorized(HttpMethod.Post, "/v3/directline/conversations", token);
        (await bot.Http.SendAsync(start)).EnsureSuccessStatusCode();
        using var message = Authorized(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token);
        message.Content = JsonContent.Create(new { type = "message", text = "查订单", locale = "zh-CN", from = new { id = "demo-user" } });
        (await bot.Http.SendAsync(message)).EnsureSuccessStatusCode();

        // Bounded wait for the bot's answer (it comes back through the channel asynchronously).
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var read = Authorized(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", token);
            using var page = await bot.Http.SendAsync(read);
            var body = await page.Content.ReadAsStringAsync();
            if (body.Contains("2611240000000002", StringComparison.Ordinal))
            {
                return token;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"No answer through Direct Line. Output:{Environment.NewLine}{bot.Output}");
    }

    private static HttpRequestMessage Authorized(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static JsonDocument ParseObject(string line, string output)
    {
        try
        {
            var document = JsonDocument.Parse(line);
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
            return document;
        }
        catch (JsonException)
        {
            throw new Xunit.Sdk.XunitException($"Not a JSON log line: {line}{Environment.NewLine}Whole output:{Environment.NewLine}{output}");
        }
    }
}
