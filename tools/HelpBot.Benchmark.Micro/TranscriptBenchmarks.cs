using BenchmarkDotNet.Attributes;
using HelpBot.AgentDesk;
using HelpBot.AgentDesk.Transcripts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace HelpBot.Benchmark.Micro;

/// <summary>
/// One turn to and from RedisTranscriptStore's list element (TranscriptTurnCodec): the real order-status turn of the
/// benchmark's conversation ("2611240000000006" and the bot's status reply), recorded by the transcript middleware.
/// </summary>
public class TranscriptBenchmarks
{
    private const string ConversationId = "transcript";

    private IReadOnlyList<JObject> _turn = [];
    private byte[] _header = [];
    private byte[] _element = [];
    private JObject _decodedHeader = new();

    [GlobalSetup]
    public void Setup()
    {
        var harness = BotHarness.StartAsync().GetAwaiter().GetResult();
        try
        {
            var store = new StorageTranscriptStore(new MemoryStorage(), Options.Create(new AgentDeskOptions()));
            var adapter = new TestAdapter(TestAdapter.CreateConversation(ConversationId, "demo-user", "helpbot")) { Locale = "zh-CN" };
            adapter.Use(new PerTurnTranscriptMiddleware(store, TimeProvider.System, NullLogger<PerTurnTranscriptMiddleware>.Instance));
            foreach (var message in Conversations.DelayFlow[..3])
            {
                adapter.SendTextToBotAsync(message, harness.Bot.OnTurnAsync, CancellationToken.None).GetAwaiter().GetResult();
            }

            var activities = store.ReadAsync("test", ConversationId, CancellationToken.None).GetAwaiter().GetResult();
            var start = activities.Select((a, i) => (a, i)).Last(x => (string?)x.a["text"] == Conversations.DelayedOrder).i;
            _turn = [.. activities.Skip(start)];
        }
        finally
        {
            harness.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        (_header, _element) = TranscriptTurnCodec.Encode("test", ConversationId, _turn);
        _decodedHeader = TranscriptTurnCodec.DecodeHeader(_header);
        var json = System.Text.Encoding.UTF8.GetByteCount(new JArray(_turn).ToString(Newtonsoft.Json.Formatting.None));
        Console.WriteLine($"// Turn of {_turn.Count} activities: {json} bytes as JSON, element {_element.Length} bytes (+ header {_header.Length} bytes once per conversation)");
    }

    [Benchmark]
    public byte[] EncodeTurn() => TranscriptTurnCodec.Encode("test", ConversationId, _turn).Turn;

    [Benchmark]
    public IReadOnlyList<JObject> DecodeTurn() => TranscriptTurnCodec.DecodeTurn("test", ConversationId, _decodedHeader, _element);
}
