using Newtonsoft.Json;

namespace HelpBot.Dialogs.Engine;

/// <summary>The serializer for values kept in dialog state: no type names (nothing to trust on read), nulls omitted to keep state small.</summary>
internal static class StateSerializer
{
    public static JsonSerializer Instance { get; } = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.DateTimeOffset,
        MaxDepth = 32,
    });
}
