using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HelpBot.Dialogs.Runtime;

/// <summary>
/// One entry of the dialog stack. State is kept as JSON so that it survives any IStorage (MemoryStorage and Redis
/// both persist through Newtonsoft without type names) and reads back exactly as it was written.
/// </summary>
public sealed class DialogInstance
{
    public DialogInstance(string id)
    {
        Id = id;
    }

    [JsonProperty("id")]
    public string Id { get; set; }

    [JsonProperty("state")]
    public JObject State { get; set; } = [];

    public T? Get<T>(string key) =>
        State.TryGetValue(key, StringComparison.Ordinal, out var token) && token.Type != JTokenType.Null
            ? token.ToObject<T>(StateSerializer.Instance)
            : default;

    public void Set<T>(string key, T? value) =>
        State[key] = value is null ? JValue.CreateNull() : JToken.FromObject(value, StateSerializer.Instance);

    public void Remove(string key) => State.Remove(key);
}
