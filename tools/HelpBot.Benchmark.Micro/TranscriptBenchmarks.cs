using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using HelpBot.AgentDesk;
using HelpBot.AgentDesk.Transcripts;
using HelpBot.AgentDesk.Transcripts.Redis;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace HelpBot.Benchmark.Micro;

/// <summary>
/// One turn to and from RedisTranscriptStore's list element (TranscriptFormat): the real order-status turn of the
/// benchmark's conversation ("2611240000000006" and the bot's status reply), recorded by the transcript middleware.
/// SnapshotAndEncodeTurn is what the store does per turn; CompressTurnJson is its Brotli part.
/// </summary>
public class TranscriptBenchmarks
{
    private const string ConversationId = "transcript";

    private IReadOnlyList<(IActivity Activity, string? Id, DateTimeOffset Now)> _activities = [];
    private IReadOnlyList<JObject> _turn = [];
    private byte[] _header = [];
    private byte[] _element = [];
    private byte[] _json = [];
    private byte[] _compressed = [];
    private JObject _decodedHeader = new();

    [GlobalSetup]
    public void Setup()
    {
        var harness = BotHarness.StartAsync().GetAwaiter().GetResult();
        try
        {
            var store = new RecordingTranscriptStore(new StorageTranscriptStore(new MemoryStorage(), Options.Create(new AgentDeskOptions())));
            var adapter = new TestAdapter(TestAdapter.CreateConversation(ConversationId, "demo-user", "helpbot")) { Locale = "zh-CN" };
            adapter.Use(new PerTurnTranscriptMiddleware(store, TimeProvider.System, NullLogger<PerTurnTranscriptMiddleware>.Instance));
            foreach (var message in Conversations.DelayFlow[..3])
            {
                adapter.SendTextToBotAsync(message, harness.Bot.OnTurnAsync, CancellationToken.None).GetAwaiter().GetResult();
            }

            var start = store.Recorded.FindLastIndex(x => x.Activity is IMessageActivity { Text: Conversations.DelayedOrder });
            _activities = [.. store.Recorded.Skip(start)];
        }
        finally
        {
            harness.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        _turn = [.. _activities.Select(a => TranscriptActivities.Snapshot(a.Activity, a.Id, a.Now))];
        (_header, _element) = TranscriptFormat.Encode("test", ConversationId, _turn);
        _decodedHeader = TranscriptFormat.DecodeHeader(_header);
        _json = _element[0] == TranscriptFormat.TurnFormatBrotli ? Inflate(_element.AsSpan(1)) : _element[1..];
        _compressed = new byte[_json.Length];
        var json = System.Text.Encoding.UTF8.GetByteCount(new JArray(_turn).ToString(Newtonsoft.Json.Formatting.None));
        Console.WriteLine($"// Turn of {_turn.Count} activities: {json} bytes as JSON, compact {_json.Length}, element {_element.Length} bytes (+ header {_header.Length} bytes once per conversation)");
    }

    /// <summary>The snapshots to the element (the JSON work after the snapshots, and Brotli).</summary>
    [Benchmark]
    public byte[] EncodeTurn() => TranscriptFormat.Encode("test", ConversationId, _turn).Turn;

    /// <summary>From the activities: a snapshot of each as recorded, then Encode.</summary>
    [Benchmark(Baseline = true)]
    public byte[] SnapshotAndEncodeTurn()
    {
        var snapshots = new List<JObject>(_activities.Count);
        foreach (var (activity, id, now) in _activities)
        {
            snapshots.Add(TranscriptActivities.Snapshot(activity, id, now));
        }

        return TranscriptFormat.Encode("test", ConversationId, snapshots).Turn;
    }

    /// <summary>The Brotli part of every encode above (the turn's compact JSON, quality 5, window 16).</summary>
    [Benchmark]
    public int CompressTurnJson() => BrotliEncoder.TryCompress(_json, _compressed, out var written, 5, 16) ? written : -1;

    [Benchmark]
    public IReadOnlyList<JObject> DecodeTurn() => TranscriptFormat.DecodeTurn("test", ConversationId, _decodedHeader, _element);

    private static byte[] Inflate(ReadOnlySpan<byte> compressed)
    {
        using var input = new MemoryStream(compressed.ToArray(), writable: false);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        brotli.CopyTo(output);
        return output.ToArray();
    }
}
