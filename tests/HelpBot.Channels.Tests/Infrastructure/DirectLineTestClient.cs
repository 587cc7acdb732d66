using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using Newtonsoft.Json.Linq;

namespace HelpBot.Channels.Tests.Infrastructure;

/// <summary>A plain HTTP/WebSocket Direct Line 3.0 client for the tests, speaking the wire format directly.</summary>
public sealed class DirectLineTestClient
{
    private readonly DirectLineTestHost _host;

    public DirectLineTestClient(DirectLineTestHost host) => _host = host;

    public static async Task<JObject> ReadJsonAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        return JObject.Parse(text);
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? credential, string? json = null)
    {
        var request = new HttpRequestMessage(method, new Uri(_host.DirectLineDomain + "/" + path.TrimStart('/')));
        if (credential is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return _host.Http.SendAsync(request);
    }

    public async Task<JObject> SendOkAsync(HttpMethod method, string path, string? credential, string? json = null)
    {
        using var response = await SendAsync(method, path, credential, json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}: {body}");
        return JObject.Parse(body);
    }

    public Task<JObject> GenerateTokenAsync(string? userId) =>
        SendOkAsync(HttpMethod.Post, "tokens/generate", DirectLineTestHost.Secret, userId is null ? null : new JObject { ["user"] = new JObject { ["id"] = userId } }.ToString());

    /// <summary>Generates a token for the user and starts its conversation; returns the start response.</summary>
    public async Task<JObject> StartConversationAsync(string? userId)
    {
        var token = await GenerateTokenAsync(userId);
        return await SendOkAsync(HttpMethod.Post, "conversations", (string)token["token"]!);
    }

    public Task<JObject> PostMessageAsync(string conversationId, string token, string text, string? fromId = null)
    {
        var activity = new JObject { ["type"] = "message", ["text"] = text };
        if (fromId is not null)
            activity["from"] = new JObject { ["id"] = fromId };
        return SendOkAsync(HttpMethod.Post, $"conversations/{conversationId}/activities", token, activity.ToString());
    }

    public Task<JObject> GetActivitiesAsync(string conversationId, string token, string? watermark = null) =>
        SendOkAsync(HttpMethod.Get, $"conversations/{conversationId}/activities" + (watermark is null ? string.Empty : "?watermark=" + watermark), token);

    /// <summary>Reads WebSocket messages until one set contains an activity matching <paramref name="match"/>.</summary>
    public static async Task<JObject> ReceiveUntilAsync(ClientWebSocket socket, Func<JObject, bool> match, List<string>? rawMessages = null)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(match);
        // A generous safety net against a hang, not a timing assertion.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var text = await ReceiveTextAsync(socket, timeout.Token);
            rawMessages?.Add(text);
            if (text.Length == 0)
                continue;
            var set = JObject.Parse(text);
            foreach (var activity in set["activities"]!.Children<JObject>())
            {
                if (match(activity))
                    return activity;
            }
        }
    }

    public static async Task<string> ReceiveTextAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
                throw new WebSocketException($"The server closed the stream: {result.CloseStatus}");
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return Encoding.UTF8.GetString(message.ToArray());
    }
}
