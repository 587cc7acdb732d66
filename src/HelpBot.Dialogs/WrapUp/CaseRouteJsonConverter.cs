using HelpBot.AgentDesk.Cases;
using Newtonsoft.Json;

namespace HelpBot.Dialogs.WrapUp;

/// <summary>
/// A route in dialog state as <see cref="CaseRoutes"/> writes it ("platform", "merchant"), also read from state saved
/// while routes were an enum (0 platform, 1 merchant), so conversations in the middle of a flow go on after a deploy.
/// </summary>
public sealed class CaseRouteJsonConverter : JsonConverter<string>
{
    public override string ReadJson(JsonReader reader, Type objectType, string? existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.TokenType switch
        {
            JsonToken.Integer when Convert.ToInt64(reader.Value, System.Globalization.CultureInfo.InvariantCulture) == 1 => CaseRoutes.Merchant,
            JsonToken.String when reader.Value is string route => route,
            _ => CaseRoutes.Platform,
        };
    }

    public override void WriteJson(JsonWriter writer, string? value, JsonSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteValue(value);
    }
}
