using System.Globalization;
using BenchmarkDotNet.Attributes;
using HelpBot.Dialogs.Turns;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HelpBot.Benchmark.Micro;

/// <summary>
/// ConversationData to and from JSON the way the Redis storage does it with the host's serializer for a registered
/// item type (RedisItemTypes): write = Serialize straight to text (RedisStorage.PrepareTypedWrite); read = Deserialize
/// straight to ConversationData (RedisStorage.Deserialize), no JObject in between. The state is the real one after 4 turns of the
/// delay conversation, when the dialog stack is deepest.
/// </summary>
public class StateSerializationBenchmarks
{
    // The host's storage serializer (HelpBotHostExtensions.AddStateStorage).
    private static readonly JsonSerializer HostSerializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        NullValueHandling = NullValueHandling.Ignore,
        MaxDepth = 64,
    });

    private ConversationData _data = null!;
    private string _json = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var harness = BotHarness.StartAsync().GetAwaiter().GetResult();
        try
        {
            var key = harness.ConverseAsync("zh-CN", "state", Conversations.DelayFlowMidway).GetAwaiter().GetResult();
            _data = harness.LoadAsync(key).GetAwaiter().GetResult();
            _json = Write();
            Console.WriteLine($"// ConversationData after 4 turns: {System.Text.Encoding.UTF8.GetByteCount(_json)} bytes of JSON, {_data.DialogStack.Count} dialogs on the stack");
        }
        finally
        {
            harness.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    [Benchmark]
    public string Write()
    {
        _data.ETag = "0123456789abcdef0123456789abcdef";
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        HostSerializer.Serialize(writer, _data);
        return writer.ToString();
    }

    [Benchmark]
    public ConversationData? Read()
    {
        using var reader = new JsonTextReader(new StringReader(_json));
        return (ConversationData?)HostSerializer.Deserialize(reader, typeof(ConversationData));
    }
}
