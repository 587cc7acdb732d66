using System.Text;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;

namespace HelpBot.Channels.DirectLine.Serialization;

/// <summary>
/// JSON of the Direct Line wire format. Bot Framework's Activity model is annotated for Newtonsoft.Json, so the
/// channel uses it for every payload to keep one consistent serializer.
/// </summary>
internal static class DirectLineJson
{
    public static readonly JsonSerializerSettings Settings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        MaxDepth = 64,
        DateParseHandling = DateParseHandling.DateTimeOffset,
        MissingMemberHandling = MissingMemberHandling.Ignore,
    };

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

    public static string Serialize(object value) => JsonConvert.SerializeObject(value, Settings);

    /// <summary>Parses a body; malformed JSON or a JSON null yields a <see cref="DirectLineException"/> (400).</summary>
    public static T Deserialize<T>(string json)
        where T : class
    {
        try
        {
            return JsonConvert.DeserializeObject<T>(json, Settings)
                ?? throw DirectLineException.BadArgument("The request body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw DirectLineException.BadArgument($"The request body is not valid JSON: {ex.Message}");
        }
    }

    /// <summary>Reads the request body as UTF-8 text, refusing bodies larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<string> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
            throw DirectLineException.TooLarge($"The request body exceeds {maxBytes} bytes.");

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                throw DirectLineException.TooLarge($"The request body exceeds {maxBytes} bytes.");
            buffer.Write(chunk, 0, read);
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            throw DirectLineException.BadArgument("The request body is not valid UTF-8.");
        }
    }

    public static async Task WriteAsync(HttpResponse response, int statusCode, object value)
    {
        response.StatusCode = statusCode;
        response.ContentType = "application/json; charset=utf-8";
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(false), 4096, leaveOpen: true);
        Serializer.Serialize(writer, value);
        await writer.FlushAsync();
    }
}
