using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Newtonsoft.Json;

namespace HelpBot.SdkWorkarounds;

/// <summary>
/// Writes the HTTP response for a processed activity as <see cref="HttpHelper.WriteResponseAsync"/> does (status, and
/// the body as JSON with the SDK's serializer settings), without its detours: the SDK builds an indented JSON string,
/// encodes it into a MemoryStream and copies that to the response, which under load was ~6% of a turn's CPU (the
/// expectReplies body carries every reply of the turn). Here the body is serialised unindented into pooled buffers
/// (memory first, a temporary file past 32 KB) and then copied to the response once.
/// </summary>
public static class InvokeResponseWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly JsonSerializer Serializer = CreateSerializer();

    public static async Task WriteAsync(HttpResponse response, InvokeResponse? invokeResponse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (invokeResponse is null)
        {
            response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        response.StatusCode = invokeResponse.Status;
        if (invokeResponse.Body is null)
        {
            return;
        }

        response.ContentType = "application/json";
        await using var buffer = new FileBufferingWriteStream();
        // Synchronous writes are fine here: they go to the buffer, not to the connection.
        using (var text = new HttpResponseStreamWriter(buffer, Utf8))
        using (var json = new JsonTextWriter(text) { CloseOutput = false })
        {
            Serializer.Serialize(json, invokeResponse.Body);
        }

        response.ContentLength = buffer.Length;
        await buffer.DrainBufferAsync(response.Body, cancellationToken);
    }

    private static JsonSerializer CreateSerializer()
    {
        var serializer = JsonSerializer.Create(HttpHelper.BotMessageSerializerSettings);
        serializer.Formatting = Formatting.None;
        return serializer;
    }
}
