using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.IO.Compression;
using HelpBot.AgentDesk.Tests.Infrastructure;
using HelpBot.AgentDesk.Transcripts.Redis;
using HelpBot.Benchmark;
using HelpBot.Testing.Redis;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace HelpBot.AgentDesk.Tests;

/// <summary>
/// Redis bytes of the benchmark's conversation (tools/HelpBot.Benchmark: the same 7 turns, the same request body)
/// stored through the real host: MEMORY USAGE summed over every key of the conversation (state and transcript), as
/// the benchmark counts it. It also stores the same turns the plain way (each turn's activities as JSON, Brotli
/// quality 5, one list element per turn) and prints both, the numbers in docs/performance.md.
/// </summary>
public sealed class TranscriptRedisSizeTests(RedisServerFixture redis, ITestOutputHelper output) : IClassFixture<RedisServerFixture>
{
    private const int MaxBytesPerConversation = 4096;

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public async Task The_benchmark_conversation_uses_at_most_4_KB_of_Redis(string locale)
    {
        var prefix = "size-" + Guid.NewGuid().ToString("N")[..8] + ":";
        await using var channel = await ChannelRecorder.StartAsync();
        await using var server = await DeskServer.StartAsync(channel.BaseUrl, new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Redis:KeyPrefix"] = prefix,
        });
        var conversationId = $"bench-size-{locale}";
        var turns = ConversationScript.HelpBot(locale);
        for (var i = 0; i < turns.Count; i++)
        {
            // The load generator's body (LoadGenerator.SendAsync), field for field.
            using var response = await server.Http.PostAsJsonAsync("/api/messages", new Dictionary<string, object>
            {
                ["type"] = "message",
                ["id"] = $"{conversationId}-{i}",
                ["text"] = turns[i].Text,
                ["locale"] = locale,
                ["channelId"] = "webchat",
                ["serviceUrl"] = "http://localhost:1",
                ["deliveryMode"] = "expectReplies",
                ["from"] = new { id = ConversationScript.UserId },
                ["recipient"] = new { id = "bot" },
                ["conversation"] = new { id = conversationId },
            });
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, body);
            var replies = string.Join('\n', System.Text.Json.Nodes.JsonNode.Parse(body)!["activities"]!.AsArray().Select(a => (string?)a!["text"]));
            Assert.All(turns[i].ExpectedFragments, fragment => Assert.Contains(fragment, replies, StringComparison.Ordinal));
        }

        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var database = connection.GetDatabase();
        var breakdown = new StringBuilder();
        long total = 0;
        long transcriptList = 0;
        RedisKey? transcriptKey = null;
        await foreach (var key in connection.GetServer(redis.ConnectionString).KeysAsync(pattern: prefix + "*"))
        {
            // As the benchmark groups keys: a conversation's keys end with its id after the last '/' or ':'.
            var name = key.ToString();
            if (!name.EndsWith("/" + conversationId, StringComparison.Ordinal) && !name.EndsWith(":" + conversationId, StringComparison.Ordinal))
            {
                continue;
            }

            var bytes = (long)await database.ExecuteAsync("MEMORY", "USAGE", key, "SAMPLES", "0");
            var type = await database.KeyTypeAsync(key);
            var detail = type == RedisType.List
                ? string.Join(", ", (await database.ListRangeAsync(key)).Select(element => ((byte[])element!).Length.ToString(CultureInfo.InvariantCulture)))
                : string.Empty;
            breakdown.AppendLine(CultureInfo.InvariantCulture, $"  {bytes,6} B  {type,-6} {name}{(detail.Length > 0 ? $"  (element bytes: {detail})" : string.Empty)}");
            total += bytes;
            if (type == RedisType.List)
            {
                transcriptKey = key;
                transcriptList = bytes;
            }
        }

        Assert.NotNull(transcriptKey);
        var plainKey = (RedisKey)(prefix + "plain-transcript:" + conversationId);
        var elements = await database.ListRangeAsync(transcriptKey.Value);
        var header = TranscriptFormat.DecodeHeader((byte[])elements[0]!);
        foreach (var element in elements.Skip(1))
        {
            var activities = TranscriptFormat.DecodeTurn("webchat", conversationId, header, (byte[])element!);
            await database.ListRightPushAsync(plainKey, PlainTurn(activities));
        }

        var plainList = (long)await database.ExecuteAsync("MEMORY", "USAGE", plainKey, "SAMPLES", "0");
        var plainTotal = total - transcriptList + plainList;
        output.WriteLine($"{locale}: {total} bytes of Redis for the {turns.Count}-turn conversation (compact transcript list {transcriptList} B)");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{locale}: plain activity JSON + Brotli per turn instead: {plainTotal} bytes (list {plainList} B), {100.0 * (plainTotal - total) / total:+0;-0}%"));
        output.WriteLine(breakdown.ToString());
        Assert.True(total <= MaxBytesPerConversation, $"{total} bytes > {MaxBytesPerConversation}:{Environment.NewLine}{breakdown}");
    }

    // A turn's activities as JSON, Brotli-compressed as the compact format compresses its turns.
    private static byte[] PlainTurn(IReadOnlyList<Newtonsoft.Json.Linq.JObject> activities)
    {
        var json = Encoding.UTF8.GetBytes(new Newtonsoft.Json.Linq.JArray(activities).ToString(Newtonsoft.Json.Formatting.None));
        var compressed = new byte[json.Length];
        return BrotliEncoder.TryCompress(json, compressed, out var written, 5, 16) ? compressed[..written] : json;
    }
}
