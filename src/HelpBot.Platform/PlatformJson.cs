using System.Text.Json;
using System.Text.Json.Serialization;

namespace HelpBot.Platform;

/// <summary>The platform's wire format: camelCase properties, snake_case enum values (e.g. "picked_up"), ISO-8601 times.</summary>
public static class PlatformJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        return options;
    }
}
