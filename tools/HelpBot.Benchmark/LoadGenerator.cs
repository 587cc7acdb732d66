using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace HelpBot.Benchmark;

/// <summary>
/// Closed-loop load: N simulated customers, each sending the next message of its conversation as soon as the reply to
/// the last one arrives, and starting a new conversation (new id, alternating Chinese and English) when one ends or a
/// reply is wrong. All requests go over keep-alive connections (one pool, at most N connections).
/// </summary>
public sealed class LoadGenerator : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly HttpClient _client;
    private readonly Uri _messages;
    private readonly Func<string, IReadOnlyList<ScriptedTurn>> _script;
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private int _conversationsStarted;
    private int _conversationsFinished;
    private long _turnsAnswered;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _finishedIds = new();
    private volatile bool _stopping;

    public LoadGenerator(Uri baseAddress, Func<string, IReadOnlyList<ScriptedTurn>> script, int conversations, TimeSpan requestTimeout)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = conversations,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        _client = new HttpClient(handler) { Timeout = requestTimeout };
        _messages = new Uri(baseAddress, "/api/messages");
        _script = script;
    }

    public int ConversationsStarted => _conversationsStarted;

    public int ConversationsFinished => _conversationsFinished;

    /// <summary>Turns answered so far, right or wrong (for the server's CPU per turn during the warm-up).</summary>
    public long TurnsAnswered => Interlocked.Read(ref _turnsAnswered);

    /// <summary>Ids of the conversations that ran all their turns (for Redis bytes per finished conversation).</summary>
    public IReadOnlyCollection<string> FinishedConversationIds => _finishedIds;

    /// <summary>
    /// One whole conversation per language, one turn at a time, before any load: the first turns pay for start-up work
    /// (HelpBot trains its recognizer on first use, JIT, the first Redis and platform connections). Returns the errors.
    /// </summary>
    public async Task<List<string>> PrimeAsync()
    {
        var errors = new List<string>();
        var buffer = new ArrayBufferWriter<byte>(1024);
        foreach (var locale in new[] { "zh-CN", "en-US" })
        {
            var conversationId = $"bench-{_runId}-prime-{locale}";
            var turns = _script(locale);
            for (var i = 0; i < turns.Count; i++)
            {
                if (await SendAsync(buffer, conversationId, locale, i, turns[i]) is { } error)
                {
                    errors.Add(error);
                    break;
                }
            }
        }

        return errors;
    }

    /// <summary>Starts the customers; they run until <see cref="StopAsync"/>.</summary>
    public IReadOnlyList<Task<List<TurnRecord>>> Start(int conversations) =>
        [.. Enumerable.Range(0, conversations).Select(customer => Task.Run(() => CustomerAsync(customer)))];

    /// <summary>Lets every customer finish its current request, then returns everything they recorded.</summary>
    public async Task<List<TurnRecord>> StopAsync(IReadOnlyList<Task<List<TurnRecord>>> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        _stopping = true;
        var records = await Task.WhenAll(customers);
        return [.. records.SelectMany(r => r)];
    }

    public void Dispose() => _client.Dispose();

    private async Task<List<TurnRecord>> CustomerAsync(int customer)
    {
        var records = new List<TurnRecord>(capacity: 4096);
        var buffer = new ArrayBufferWriter<byte>(1024);
        for (var sequence = 0; !_stopping; sequence++)
        {
            var locale = (customer + sequence) % 2 == 0 ? "zh-CN" : "en-US";
            var conversationId = $"bench-{_runId}-{customer}-{sequence}";
            Interlocked.Increment(ref _conversationsStarted);
            var turns = _script(locale);
            var completed = true;
            for (var i = 0; i < turns.Count; i++)
            {
                if (_stopping)
                {
                    completed = false;
                    break;
                }

                var started = Stopwatch.GetTimestamp();
                var error = await SendAsync(buffer, conversationId, locale, i, turns[i]);
                records.Add(new TurnRecord(i, started, Stopwatch.GetTimestamp(), error));
                Interlocked.Increment(ref _turnsAnswered);
                if (error is not null)
                {
                    // The conversation's state no longer matches the script: start a new one.
                    completed = false;
                    break;
                }
            }

            if (completed)
            {
                Interlocked.Increment(ref _conversationsFinished);
                _finishedIds.Enqueue(conversationId);
            }
        }

        return records;
    }

    private async Task<string?> SendAsync(ArrayBufferWriter<byte> buffer, string conversationId, string locale, int index, ScriptedTurn turn)
    {
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "message");
            writer.WriteString("id", $"{conversationId}-{index}");
            writer.WriteString("text", turn.Text);
            writer.WriteString("locale", locale);
            writer.WriteString("channelId", "webchat");
            writer.WriteString("serviceUrl", "http://localhost:1");
            writer.WriteString("deliveryMode", "expectReplies");
            writer.WriteStartObject("from");
            writer.WriteString("id", ConversationScript.UserId);
            writer.WriteEndObject();
            writer.WriteStartObject("recipient");
            writer.WriteString("id", "bot");
            writer.WriteEndObject();
            writer.WriteStartObject("conversation");
            writer.WriteString("id", conversationId);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        using var content = new ByteArrayContent(buffer.WrittenSpan.ToArray());
        content.Headers.ContentType = Json;
        try
        {
            using var response = await _client.PostAsync(_messages, content);
            var body = await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return $"turn {index + 1} \"{turn.Text}\": HTTP {(int)response.StatusCode} {Shorten(Encoding.UTF8.GetString(body))}";
            }

            var replies = ReplyTexts(body);
            var missing = turn.ExpectedFragments.FirstOrDefault(fragment => !replies.Contains(fragment, StringComparison.Ordinal));
            return missing is null ? null : $"turn {index + 1} \"{turn.Text}\": expected \"{Shorten(missing)}\", got \"{Shorten(replies)}\"";
        }
        catch (TaskCanceledException)
        {
            return $"turn {index + 1} \"{turn.Text}\": no reply within {_client.Timeout.TotalSeconds:0} s";
        }
        catch (HttpRequestException exception)
        {
            return $"turn {index + 1} \"{turn.Text}\": {exception.Message}";
        }
        catch (JsonException exception)
        {
            return $"turn {index + 1} \"{turn.Text}\": reply is not JSON ({exception.Message})";
        }
    }

    /// <summary>The texts of the activities in an expectReplies body, one per line.</summary>
    private static string ReplyTexts(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        if (!document.RootElement.TryGetProperty("activities", out var activities) || activities.ValueKind != JsonValueKind.Array)
        {
            return string.Empty;
        }

        var texts = new StringBuilder();
        foreach (var activity in activities.EnumerateArray())
        {
            if (activity.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
            {
                texts.Append(text.GetString()).Append('\n');
            }
        }

        return texts.ToString();
    }

    private static string Shorten(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= 120 ? oneLine : oneLine[..120] + "…";
    }
}
