using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace HelpBot.AgentDesk.Transcripts;

/// <summary>
/// The JSON a serializer writes for a flat type (string and bool fields, JObject extension data), read straight from
/// the object: what <see cref="TranscriptTurnEncoder"/> needs of every activity's accounts and conversation, which are
/// such types (ChannelAccount, ConversationAccount), without a JToken.FromObject for each. Where it cannot tell exactly
/// (extension data named like a field, or null) it says so, and the caller serializes.
/// </summary>
internal sealed class FlatJsonContract
{
    private readonly Type _type;
    private readonly (string Name, IValueProvider Value)[] _fields;
    private readonly HashSet<string> _names;
    private readonly ExtensionDataGetter? _extensionData;

    private FlatJsonContract(Type type, (string Name, IValueProvider Value)[] fields, ExtensionDataGetter? extensionData)
    {
        _type = type;
        _fields = fields;
        _names = new HashSet<string>(fields.Select(f => f.Name), StringComparer.Ordinal);
        _extensionData = extensionData;
    }

    /// <summary>The type's contract when it is flat and written as it is (no converters, no conditions); else null.</summary>
    public static FlatJsonContract? For(JsonSerializer serializer, Type type)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        if (serializer.ContractResolver.ResolveContract(type) is not JsonObjectContract { Converter: null } contract)
        {
            return null;
        }

        var fields = new List<(string, IValueProvider)>();
        foreach (var property in contract.Properties)
        {
            if (property.Ignored)
            {
                continue;
            }

            if (!property.Readable || property.PropertyName is null || property.ValueProvider is null
                || property.PropertyType != typeof(string) && property.PropertyType != typeof(bool?) && property.PropertyType != typeof(bool)
                || property.Converter is not null || property.ShouldSerialize is not null || property.GetIsSpecified is not null
                || property.NullValueHandling is not null || property.DefaultValueHandling is not null)
            {
                return null;
            }

            fields.Add((property.PropertyName, property.ValueProvider));
        }

        return new FlatJsonContract(type, [.. fields], contract.ExtensionDataGetter);
    }

    /// <summary>
    /// Whether <paramref name="value"/>'s JSON equals <paramref name="json"/> (null: no JSON, or <c>{}</c>), when
    /// this can tell; false when it cannot (not exactly the contract's type, extension data it cannot reproduce).
    /// </summary>
    public bool TryEquals(object value, JToken? json, out bool equal)
    {
        equal = false;
        var extensionData = _extensionData?.Invoke(value);
        if (value.GetType() != _type || !CanWrite(extensionData))
        {
            return false;
        }

        var count = 0;
        foreach (var (name, provider) in _fields)
        {
            var field = provider.GetValue(value);
            if (field is null)
            {
                continue;
            }

            count++;
            if (json is not JObject fields || !fields.TryGetValue(name, out var token) || !FieldEquals(field, token))
            {
                return true;
            }
        }

        foreach (var (key, extension) in extensionData ?? [])
        {
            count++;
            if (json is not JObject fields || !fields.TryGetValue((string)key, out var token) || !JToken.DeepEquals((JToken)extension, token))
            {
                return true;
            }
        }

        equal = count == 0 ? json is null : json is JObject all && all.Count == count;
        return true;
    }

    /// <summary><paramref name="value"/>'s JSON (null when it is <c>{}</c>), when this can tell.</summary>
    public bool TryToJson(object value, out JObject? json)
    {
        json = null;
        var extensionData = _extensionData?.Invoke(value);
        if (value.GetType() != _type || !CanWrite(extensionData))
        {
            return false;
        }

        var fields = new JObject();
        foreach (var (name, provider) in _fields)
        {
            if (provider.GetValue(value) is { } field)
            {
                fields.Add(name, new JValue(field));
            }
        }

        foreach (var (key, extension) in extensionData ?? [])
        {
            fields.Add((string)key, ((JToken)extension).DeepClone());
        }

        json = fields.Count == 0 ? null : fields;
        return true;
    }

    private static bool FieldEquals(object field, JToken token) => field switch
    {
        string text => token is JValue { Type: JTokenType.String } other && string.Equals((string?)other, text, StringComparison.Ordinal),
        bool flag => token is JValue { Type: JTokenType.Boolean } other && (bool)other == flag,
        _ => false,
    };

    // Extension data of JSON values, none null and none named like a field (the serializer's result is then not obvious).
    private bool CanWrite(IEnumerable<KeyValuePair<object, object>>? extensionData)
    {
        foreach (var (key, extension) in extensionData ?? [])
        {
            if (key is not string name || _names.Contains(name) || extension is not JToken token || token.Type == JTokenType.Null)
            {
                return false;
            }
        }

        return true;
    }
}
