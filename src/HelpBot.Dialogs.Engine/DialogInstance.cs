using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HelpBot.Dialogs.Engine;

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

    public T? Get<T>(string key)
    {
        if (!State.TryGetValue(key, StringComparison.Ordinal, out var token) || token.Type == JTokenType.Null)
        {
            return default;
        }

        // Step indexes, attempt counts and ids are read on every turn: plain values skip the serializer.
        if (token is JValue { Value: T plain })
        {
            return plain;
        }

        if (typeof(T) == typeof(int) && token.Type == JTokenType.Integer)
        {
            return (T)(object)token.Value<int>();
        }

        return token.ToObject<T>(StateSerializer.Instance);
    }

    public void Set<T>(string key, T? value) =>
        State[key] = value switch
        {
            null => JValue.CreateNull(),
            string text => new JValue(text),
            int number => new JValue(number),
            long number => new JValue(number),
            bool flag => new JValue(flag),
            _ => JToken.FromObject(value, StateSerializer.Instance),
        };

    public void Remove(string key) => State.Remove(key);
}
