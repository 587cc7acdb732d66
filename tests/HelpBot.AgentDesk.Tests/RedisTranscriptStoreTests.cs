using HelpBot.AgentDesk.Tests.Infrastructure;
using HelpBot.AgentDesk.Transcripts;
using HelpBot.AgentDesk.Transcripts.Redis;
using HelpBot.Storage.Redis;
using HelpBot.Storage.Redis.Options;
using HelpBot.Testing.Redis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using StackExchange.Redis;

namespace HelpBot.AgentDesk.Tests;

/// <summary>What only the Redis transcript store does: its list layout, retention, bound, old data and bad elements.</summary>
public sealed class RedisTranscriptStoreTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private IConnectionMultiplexer _connection = null!;

    public async Task InitializeAsync() => _connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    private static string NewConversation() => "r:" + Guid.NewGuid().ToString("N");

    private (RedisTranscriptStore Store, RedisStorage Storage, RecordingLogger<RedisTranscriptStore> Log) Create(RedisStorageOptions? redisOptions = null, AgentDeskOptions? deskOptions = null)
    {
        redisOptions ??= new RedisStorageOptions { KeyPrefix = "rts-" + Guid.NewGuid().ToString("N")[..8] + ":" };
        var storage = new RedisStorage(_connection, Options.Create(redisOptions), NullLogger<RedisStorage>.Instance);
        var log = new RecordingLogger<RedisTranscriptStore>();
        return (new RedisTranscriptStore(_connection, storage, Options.Create(redisOptions), Options.Create(deskOptions ?? new AgentDeskOptions()), log), storage, log);
    }

    [Fact]
    public async Task The_list_holds_the_header_once_and_one_element_per_turn()
    {
        var (store, _, _) = Create();
        var conversation = NewConversation();
        for (var i = 0; i < 3; i++)
        {
            await store.AppendAsync(TranscriptSamples.Channel, conversation, TranscriptSamples.Turn(conversation, i), CancellationToken.None);
        }

        var elements = await _connection.GetDatabase().ListRangeAsync(store.KeyFor(TranscriptSamples.Channel, conversation));

        Assert.Equal(4, elements.Length);
        Assert.True(TranscriptFormat.IsHeader((byte[])elements[0]!));
        Assert.All(elements[1..], e => Assert.Contains(((byte[])e!)[0], new[] { TranscriptFormat.TurnFormat, TranscriptFormat.TurnFormatBrotli }));
        Assert.StartsWith(store.KeyFor(TranscriptSamples.Channel, "x").ToString()[..^1], store.KeyFor(TranscriptSamples.Channel, conversation).ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("{", store.KeyFor("c{h}", "conv{tag}").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_turn_whose_header_differs_is_stored_with_its_own_header()
    {
        var (store, _, _) = Create();
        var conversation = NewConversation();
        await store.AppendAsync(TranscriptSamples.Channel, conversation, TranscriptSamples.Turn(conversation, 0), CancellationToken.None);
        await store.AppendAsync(TranscriptSamples.Channel, conversation, TranscriptSamples.Turn(conversation, 1, "en-US"), CancellationToken.None);
        await store.AppendAsync(TranscriptSamples.Channel, conversation, TranscriptSamples.Turn(conversation, 2), CancellationToken.None);

        var elements = await _connection.GetDatabase().ListRangeAsync(store.KeyFor(TranscriptSamples.Channel, conversation));
        var formats = elements.Select(e => ((byte[])e!)[0]).ToArray();
        Assert.Equal(4, formats.Length);
        Assert.Equal(TranscriptFormat.HeaderFormat, formats[0]);
        Assert.Equal(TranscriptFormat.SelfContainedTurnFormat, formats[2]);
        Assert.All([formats[1], formats[3]], f => Assert.True(f is TranscriptFormat.TurnFormat or TranscriptFormat.TurnFormatBrotli));
        var read = await store.ReadAsync(TranscriptSamples.Channel, conversation, CancellationToken.None);
        Assert.Equal(["zh-CN", "en-US", "zh-CN"], read.Where((_, i) => i % 4 == 0).Select(a => (string?)a["locale"]));
    }

    [Theory]
    [InlineData("90.00:00:00", 90 * 24)]
    [InlineData(null, 7 * 24)]
    [InlineData("00:00:00", -1)]
    public async Task The_list_expires_like_transcripts_items(string? transcriptRetention, int expectedHours)
    {
        var redisOptions = new RedisStorageOptions { KeyPrefix = "ttl-" + Guid.NewGuid().ToString("N")[..8] + ":" };
        redisOptions.RetentionRules.Add(new RedisRetentionRule { KeyPrefix = "cases/", Ttl = TimeSpan.FromDays(30) });
        if (transcriptRetention is not null)
        {
            redisOptions.RetentionRules.Add(new RedisRetentionRule { KeyPrefix = "transcripts/", Ttl = TimeSpan.Parse(transcriptRetention, System.Globalization.CultureInfo.InvariantCulture) });
        }

        var (store, _, _) = Create(redisOptions);
        var conversation = NewConversation();
        await store.AppendAsync(TranscriptSamples.Channel, conversation, TranscriptSamples.Turn(conversation, 0), CancellationToken.None);

        var ttl = await _connection.GetDatabase().KeyTimeToLiveAsync(store.KeyFor(TranscriptSamples.Channel, conversation));
        if (expectedHours < 0)
        {
            Assert.Null(ttl);
        }
        else
        {
            Assert.NotNull(ttl);
            Assert.InRange(ttl.Value, TimeSpan.FromHours(expectedHours) - TimeSpan.FromMinutes(1), TimeSpan.FromHours(expectedHours));
        }
    }

    [Fact]
    public async Task The_bound_drops_the_oldest_turns_and_keeps_the_header()
    {
        var (store, _, _) = Create(deskOptions: new AgentDeskOptions { MaxTranscriptTurns = 2 });
        var conversation = NewConversation();
        for (var i = 0; i < 4; i++)
        {
            await store.AppendAsync(TranscriptSamples.Channel, conversation, TranscriptSamples.Turn(conversation, i), CancellationToken.None);
        }

        var elements = await _connection.GetDatabase().ListRangeAsync(store.KeyFor(TranscriptSamples.Channel, conversation));
        Assert.Equal(3, elements.Length);
        Assert.True(TranscriptFormat.IsHeader((byte[])elements[0]!));
        var read = await store.ReadAsync(TranscriptSamples.Channel, conversation, CancellationToken.None);
        Assert.Equal([$"{conversation}|0000002", $"{conversation}|0000003"], read.Where((_, i) => i % 4 == 0).Select(a => (string?)a["id"]));
    }

    [Fact]
    public async Task A_transcript_written_by_the_storage_store_before_the_upgrade_is_read_first()
    {
        var (store, storage, _) = Create();
        var conversation = NewConversation();
        var earlier = new StorageTranscriptStore(storage, Options.Create(new AgentDeskOptions()));
        await earlier.AppendAsync(TranscriptSamples.Channel, conversation, TranscriptSamples.Turn(conversation, 0), CancellationToken.None);
        await store.AppendAsync(TranscriptSamples.Channel, conversation, TranscriptSamples.Turn(conversation, 1), CancellationToken.None);

        var read = await store.ReadAsync(TranscriptSamples.Channel, conversation, CancellationToken.None);

        Assert.Equal(
            TranscriptSamples.Turn(conversation, 0).Concat(TranscriptSamples.Turn(conversation, 1)).Select(TranscriptSamples.Comparable),
            read.Select(TranscriptSamples.Comparable));
    }

    [Fact]
    public async Task Elements_that_cannot_be_decoded_are_skipped_with_a_warning()
    {
        var (store, _, log) = Create();
        var conversation = NewConversation();
        var key = store.KeyFor(TranscriptSamples.Channel, conversation);
        await store.AppendAsync(TranscriptSamples.Channel, conversation, TranscriptSamples.Turn(conversation, 0), CancellationToken.None);
        var (header, turn) = TranscriptFormat.Encode(TranscriptSamples.Channel, conversation, TranscriptSamples.Turn(conversation, 1));
        var database = _connection.GetDatabase();
        await database.ListRightPushAsync(key, new RedisValue[]
        {
            new byte[] { 99, 1, 2, 3 },                                 // unknown format
            Array.Empty<byte>(),                                        // empty
            new byte[] { TranscriptFormat.TurnFormatBrotli, 1, 2, 3 }, // not Brotli
            new byte[] { TranscriptFormat.TurnFormat, (byte)'{' },    // not JSON
            "\u0001{\"a\":[1]}",                                       // not a turn
            new byte[] { TranscriptFormat.SelfContainedTurnFormat, 0, 0, 9, 9 }, // header length out of range
            turn[..^3],                                                 // cut short
        });
        await store.AppendAsync(TranscriptSamples.Channel, conversation, TranscriptSamples.Turn(conversation, 2), CancellationToken.None);
        await database.ListRightPushAsync(key, TranscriptFormat.SelfContained(header, turn));

        var read = await store.ReadAsync(TranscriptSamples.Channel, conversation, CancellationToken.None);

        Assert.Equal(
            Enumerable.Range(0, 3).SelectMany(i => TranscriptSamples.Turn(conversation, i)).Select(TranscriptSamples.Comparable),
            read.Select(TranscriptSamples.Comparable));
        Assert.Equal(7, log.Entries.Count(e => e.Level == LogLevel.Warning && e.Exception is InvalidDataException));
    }

    [Fact]
    public async Task Without_its_header_a_list_still_yields_its_self_contained_turns()
    {
        var (store, _, log) = Create();
        var conversation = NewConversation();
        var (header, turn) = TranscriptFormat.Encode(TranscriptSamples.Channel, conversation, TranscriptSamples.Turn(conversation, 0));
        await _connection.GetDatabase().ListRightPushAsync(store.KeyFor(TranscriptSamples.Channel, conversation), [turn, TranscriptFormat.SelfContained(header, turn)]);

        var read = await store.ReadAsync(TranscriptSamples.Channel, conversation, CancellationToken.None);

        Assert.Equal(TranscriptSamples.Turn(conversation, 0).Select(TranscriptSamples.Comparable), read.Select(TranscriptSamples.Comparable));
        Assert.Single(log.Entries, e => e.Level == LogLevel.Warning);
    }

    [Fact]
    public void Decoding_rebuilds_the_activities_of_a_turn()
    {
        var conversation = NewConversation();
        var activities = TranscriptSamples.Turn(conversation, 5);
        var (header, turn) = TranscriptFormat.Encode(TranscriptSamples.Channel, conversation, activities);

        var decoded = TranscriptFormat.DecodeTurn(TranscriptSamples.Channel, conversation, TranscriptFormat.DecodeHeader(header), turn);

        Assert.Equal(activities.Select(TranscriptSamples.Comparable), decoded.Select(TranscriptSamples.Comparable));
        Assert.Equal(activities[0]["localTimestamp"]!.ToObject<DateTimeOffset>().Offset, decoded[0]["localTimestamp"]!.ToObject<DateTimeOffset>().Offset);
        Assert.Throws<InvalidDataException>(() => TranscriptFormat.DecodeTurn(TranscriptSamples.Channel, conversation, null, turn));
        Assert.True(turn.Length < Newtonsoft.Json.JsonConvert.SerializeObject(new JArray(activities)).Length / 2, $"{turn.Length} bytes");
    }
}
