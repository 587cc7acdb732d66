using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HelpBot.AgentDesk.Transcripts.Redis;

/// <summary>
/// The compact, versioned elements of <see cref="RedisTranscriptStore"/>'s list: a conversation header and one element
/// per turn, written from the turn's activity snapshots and read back to full Bot Framework activities. Which field is
/// written how is <see cref="TranscriptFields"/>; what it saves is in docs/performance.md.
/// </summary>
/// <remarks>
/// <para>Byte 0 of every element is its format:</para>
/// <list type="bullet">
/// <item><see cref="HeaderFormat"/>: the facts every activity of the conversation shares, as UTF-8 JSON
/// <c>{"s": serviceUrl, "c": conversation, "u": user account, "b": bot account, "l": locale}</c> (from the turn's first
/// activity; <c>c</c> only when the conversation is more than <c>{"id": conversationId}</c>). The list's first element.</item>
/// <item><see cref="TurnFormat"/> / <see cref="TurnFormatBrotli"/>: a turn, as UTF-8 JSON (Brotli-compressed in the
/// second, when that is smaller) <c>{"t": base time in UTC ticks, "a": [activities]}</c>, read with the list's header.</item>
/// <item><see cref="SelfContainedTurnFormat"/>: a turn whose header differs from the list's (the customer switched
/// language, the channel moved the service URL): 4-byte big-endian header length, the header element, the turn element.</item>
/// </list>
/// <para>Every element written since the list format exists is read by this code: the fields and their short names
/// have not changed (the order of an activity's fields inside an element carries no meaning).</para>
/// </remarks>
public static class TranscriptFormat
{
    /// <summary>Format byte: a turn, compact UTF-8 JSON, read with the list's header.</summary>
    public const byte TurnFormat = 1;

    /// <summary>Format byte: a turn, compact UTF-8 JSON compressed with Brotli, read with the list's header.</summary>
    public const byte TurnFormatBrotli = 2;

    /// <summary>Format byte: the conversation header, compact UTF-8 JSON.</summary>
    public const byte HeaderFormat = 3;

    /// <summary>Format byte: a turn with its own header (4-byte big-endian length, header element, turn element).</summary>
    public const byte SelfContainedTurnFormat = 4;

    // Quality 5: a few tens of µs per turn; 10-11 cost milliseconds (docs/performance.md).
    private const int BrotliQuality = 5;
    private const int BrotliWindowBits = 16;
    private const string Message = "message";
    private const string ImBack = "imBack";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Encodes a turn's activities for the list of <paramref name="channelId"/>/<paramref name="conversationId"/>:
    /// the header element of the turn and the turn element that is read with it.
    /// </summary>
    public static (byte[] Header, byte[] Turn) Encode(string channelId, string conversationId, IReadOnlyList<JObject> activities)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(activities);
        if (activities.Count == 0)
        {
            throw new ArgumentException("A turn has at least one activity.", nameof(activities));
        }

        var header = HeaderOf(activities[0], conversationId);
        var turn = Element(TurnFormat, EncodeTurn(channelId, conversationId, header, activities));
        return (Element(HeaderFormat, header), TurnElement(turn.AsSpan(1)));
    }

    /// <summary>The bytes a self-contained element starts with, before the header and turn elements (what the append script prepends).</summary>
    public static byte[] SelfContainedPrefix(int headerLength)
    {
        var prefix = new byte[5];
        prefix[0] = SelfContainedTurnFormat;
        BinaryPrimitives.WriteInt32BigEndian(prefix.AsSpan(1), headerLength);
        return prefix;
    }

    /// <summary>A turn element that carries its own header.</summary>
    public static byte[] SelfContained(byte[] header, byte[] turn)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(turn);
        return [.. SelfContainedPrefix(header.Length), .. header, .. turn];
    }

    /// <summary>Whether <paramref name="element"/> is a conversation header (the list's first element).</summary>
    public static bool IsHeader(ReadOnlySpan<byte> element) => !element.IsEmpty && element[0] == HeaderFormat;

    /// <summary>Reads a header element.</summary>
    /// <exception cref="InvalidDataException">Not a header element.</exception>
    public static JObject DecodeHeader(ReadOnlySpan<byte> element)
    {
        if (!IsHeader(element))
        {
            throw new InvalidDataException("Not a transcript header element.");
        }

        return ParseObject(Text(element[1..]));
    }

    /// <summary>The turn's full activities.</summary>
    /// <param name="header">The list's header (from <see cref="DecodeHeader"/>); null when the list has none.</param>
    /// <exception cref="InvalidDataException">Unknown format byte, a header, or not a turn of a known format.</exception>
    public static IReadOnlyList<JObject> DecodeTurn(string channelId, string conversationId, JObject? header, ReadOnlySpan<byte> element)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(conversationId);
        if (element.IsEmpty)
        {
            throw new InvalidDataException("Empty transcript element.");
        }

        switch (element[0])
        {
            case TurnFormat:
                return DecodeTurn(channelId, conversationId, header ?? throw NoHeader(), ParseObject(Text(element[1..])));
            case TurnFormatBrotli:
                return DecodeTurn(channelId, conversationId, header ?? throw NoHeader(), ParseObject(Inflate(element[1..])));
            case SelfContainedTurnFormat when element.Length >= 5:
                var length = BinaryPrimitives.ReadInt32BigEndian(element[1..5]);
                if (length < 1 || length > element.Length - 5)
                {
                    throw new InvalidDataException("Transcript element has a header length out of range.");
                }

                var own = DecodeHeader(element.Slice(5, length));
                var turn = element[(5 + length)..];
                return turn.IsEmpty || turn[0] is not (TurnFormat or TurnFormatBrotli)
                    ? throw new InvalidDataException("Self-contained transcript element holds no turn.")
                    : DecodeTurn(channelId, conversationId, own, turn);
            default:
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"Transcript element of unknown format {element[0]}."));
        }
    }

    private static InvalidDataException NoHeader() => new("Transcript turn element without a header element before it.");

    private static byte[] Element(byte format, JObject json)
    {
        var text = json.ToString(Formatting.None);
        var element = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        element[0] = format;
        Encoding.UTF8.GetBytes(text, element.AsSpan(1));
        return element;
    }

    // Brotli when that is smaller, which is most turns of a few hundred bytes and up.
    private static byte[] TurnElement(ReadOnlySpan<byte> json)
    {
        var compressed = ArrayPool<byte>.Shared.Rent(Math.Max(1, json.Length));
        try
        {
            if (BrotliEncoder.TryCompress(json, compressed.AsSpan(0, json.Length), out var written, BrotliQuality, BrotliWindowBits) && written < json.Length)
            {
                var element = new byte[written + 1];
                element[0] = TurnFormatBrotli;
                compressed.AsSpan(0, written).CopyTo(element.AsSpan(1));
                return element;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(compressed);
        }

        var plain = new byte[json.Length + 1];
        plain[0] = TurnFormat;
        json.CopyTo(plain.AsSpan(1));
        return plain;
    }

    private static string Text(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return Utf8.GetString(utf8);
        }
        catch (DecoderFallbackException ex)
        {
            throw new InvalidDataException("Transcript element is not UTF-8.", ex);
        }
    }

    private static string Inflate(ReadOnlySpan<byte> compressed)
    {
        using var input = new MemoryStream(compressed.ToArray(), writable: false);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var text = new StreamReader(brotli, Utf8);
        try
        {
            return text.ReadToEnd();
        }
        catch (DecoderFallbackException ex)
        {
            throw new InvalidDataException("Transcript element is not UTF-8.", ex);
        }
    }

    private static JObject ParseObject(string json)
    {
        try
        {
            // Strings stay strings: a customer's "2026-11-30" must not become a date.
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, MaxDepth = 128 };
            var value = JObject.Load(reader);
            return reader.Read() ? throw new InvalidDataException("Transcript element has data after its JSON.") : value;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException("Transcript element is not valid JSON: " + ex.Message, ex);
        }
    }

    private static JObject HeaderOf(JObject first, string conversationId)
    {
        var header = new JObject();
        AddIfPresent(header, "s", Present(first["serviceUrl"]));
        var conversation = Present(first["conversation"]);
        if (!JToken.DeepEquals(conversation, DefaultConversation(conversationId)))
        {
            header["c"] = conversation?.DeepClone() ?? 0;
        }

        AddIfPresent(header, "u", Present(first["from"]));
        AddIfPresent(header, "b", Present(first["recipient"]));
        AddIfPresent(header, "l", Present(first["locale"]));
        return header;
    }

    private static JObject DefaultConversation(string conversationId) => new() { ["id"] = conversationId };

    private static JObject EncodeTurn(string channelId, string conversationId, JObject header, IReadOnlyList<JObject> activities)
    {
        var shared = Shared.From(header, conversationId);
        var baseTime = activities.Select(a => TryDate(a["timestamp"])).FirstOrDefault(t => t is not null);
        var firstId = activities[0]["id"] is JValue { Type: JTokenType.String } id ? (string?)id : null;
        var turn = new JObject();
        if (baseTime is { } time)
        {
            turn["t"] = time.UtcTicks;
        }

        var encoded = new JArray();
        for (var i = 0; i < activities.Count; i++)
        {
            encoded.Add(EncodeActivity(activities[i], channelId, conversationId, shared, first: i == 0, i == 0 ? null : firstId, baseTime?.UtcTicks ?? 0));
        }

        turn["a"] = encoded;
        return turn;
    }

    private static JObject EncodeActivity(JObject activity, string channelId, string conversationId, Shared shared, bool first, string? repliesTo, long baseTicks)
    {
        var compact = new JObject();
        var others = new JObject();
        foreach (var field in TranscriptFields.All)
        {
            var value = Present(activity[field.Name]);
            switch (field.Rule)
            {
                case TranscriptFieldRule.Type:
                    if (!(value is JValue { Type: JTokenType.String } type && (string?)type == Message))
                    {
                        compact[field.ShortName] = value?.DeepClone() ?? 0;
                    }

                    break;
                case TranscriptFieldRule.Id:
                    if (value is JValue { Type: JTokenType.String } && (string?)value is { } id
                        && conversationId.Length > 0 && id.Length > conversationId.Length && id.StartsWith(conversationId, StringComparison.Ordinal))
                    {
                        compact[field.SuffixName!] = id[conversationId.Length..];
                    }
                    else if (value is not null)
                    {
                        compact[field.ShortName] = value.DeepClone();
                    }

                    break;
                case TranscriptFieldRule.BaseTime or TranscriptFieldRule.Time:
                    EncodeTime(field, value, compact, others, baseTicks);
                    break;
                case TranscriptFieldRule.Shared:
                    EncodeShared(compact, field.ShortName, value, shared.For(field.SharedWith, channelId, first));
                    break;
                case TranscriptFieldRule.ReplyTo:
                    EncodeShared(compact, field.ShortName, value, repliesTo is null ? null : new JValue(repliesTo));
                    break;
                case TranscriptFieldRule.Buttons:
                    if (value is not null)
                    {
                        compact[field.ShortName] = EncodeSuggestedActions(value);
                    }

                    break;
                case TranscriptFieldRule.Copied:
                    if (value is not null)
                    {
                        compact[field.ShortName] = field.Codes is { } codes && value is JValue { Type: JTokenType.String } text
                            && IndexOf(codes, (string?)text) is var code and >= 0
                                ? code + 1
                                : value.DeepClone();
                    }

                    break;
            }
        }

        foreach (var property in activity.Properties())
        {
            if (!TranscriptFields.Names.Contains(property.Name) && Present(property.Value) is { } value)
            {
                others[property.Name] = value.DeepClone();
            }
        }

        if (others.Count > 0)
        {
            compact[TranscriptFields.Others] = others;
        }

        return compact;
    }

    private static IReadOnlyList<JObject> DecodeTurn(string channelId, string conversationId, JObject header, JObject turn)
    {
        try
        {
            var shared = Shared.From(header, conversationId);
            var baseTicks = turn["t"] is { } t ? (long)t : (long?)null;
            if (turn["a"] is not JArray activities || activities.Count == 0)
            {
                throw new InvalidDataException("Transcript element has no activities.");
            }

            var decoded = new List<JObject>(activities.Count);
            string? firstId = null;
            foreach (var token in activities)
            {
                if (token is not JObject compact)
                {
                    throw new InvalidDataException("Transcript element has an activity that is not an object.");
                }

                var activity = DecodeActivity(compact, channelId, conversationId, shared, first: decoded.Count == 0, decoded.Count == 0 ? null : firstId, baseTicks);
                if (decoded.Count == 0)
                {
                    firstId = activity["id"] is JValue { Type: JTokenType.String } id ? (string?)id : null;
                }

                decoded.Add(activity);
            }

            return decoded;
        }
        catch (Exception ex) when (ex is JsonException or InvalidCastException or FormatException or OverflowException or ArgumentException)
        {
            throw new InvalidDataException("Transcript element is not a valid turn: " + ex.Message, ex);
        }
    }

    private static JObject DecodeActivity(JObject compact, string channelId, string conversationId, Shared shared, bool first, string? repliesTo, long? baseTicks)
    {
        var activity = new JObject();
        var others = compact[TranscriptFields.Others] as JObject;
        foreach (var field in TranscriptFields.All)
        {
            switch (field.Rule)
            {
                case TranscriptFieldRule.Type:
                    Set(activity, field.Name, compact.TryGetValue(field.ShortName, out var type) ? Absent(type) : Message);
                    break;
                case TranscriptFieldRule.Id:
                    Set(activity, field.Name, compact[field.SuffixName!] is { } suffix ? conversationId + (string?)suffix : compact[field.ShortName]);
                    break;
                case TranscriptFieldRule.BaseTime or TranscriptFieldRule.Time:
                    Set(activity, field.Name, DecodeTime(field, compact, baseTicks) ?? others?[field.Name]);
                    break;
                case TranscriptFieldRule.Shared:
                    Set(activity, field.Name, DecodeShared(compact, field.ShortName, shared.For(field.SharedWith, channelId, first)));
                    break;
                case TranscriptFieldRule.ReplyTo:
                    Set(activity, field.Name, DecodeShared(compact, field.ShortName, repliesTo is null ? null : new JValue(repliesTo)));
                    break;
                case TranscriptFieldRule.Buttons:
                    if (compact[field.ShortName] is { } suggested)
                    {
                        activity[field.Name] = DecodeSuggestedActions(suggested);
                    }

                    break;
                case TranscriptFieldRule.Copied:
                    var value = compact[field.ShortName];
                    if (value is JValue { Type: JTokenType.Integer } coded && field.Codes is { } codes)
                    {
                        var code = (int)coded;
                        value = code >= 1 && code <= codes.Count ? codes[code - 1] : throw new InvalidDataException($"Transcript element has an unknown {field.Name} code {code}.");
                    }

                    Set(activity, field.Name, value);
                    break;
            }
        }

        foreach (var property in others?.Properties() ?? [])
        {
            if (activity[property.Name] is null)
            {
                activity[property.Name] = property.Value.DeepClone();
            }
        }

        return activity;
    }

    private static int IndexOf(IReadOnlyList<string> codes, string? value)
    {
        for (var i = 0; i < codes.Count; i++)
        {
            if (string.Equals(codes[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    // A field that usually equals a shared value: nothing when equal, 0 when the activity lacks it, else the value.
    private static void EncodeShared(JObject compact, string shortName, JToken? value, JToken? shared)
    {
        if (!JToken.DeepEquals(value, shared))
        {
            compact[shortName] = value?.DeepClone() ?? 0;
        }
    }

    private static JToken? DecodeShared(JObject compact, string shortName, JToken? shared) =>
        compact.TryGetValue(shortName, out var value) ? Absent(value)?.DeepClone() : shared?.DeepClone();

    // A time as ticks after the turn's base; the timestamp is left out when it is the base (the turn's first activity).
    private static void EncodeTime(TranscriptField field, JToken? value, JObject compact, JObject others, long baseTicks)
    {
        var isBase = field.Rule == TranscriptFieldRule.BaseTime;
        if (TryDate(value) is { } time)
        {
            if (!(isBase && time.UtcTicks == baseTicks))
            {
                compact[field.ShortName] = time.UtcTicks - baseTicks;
            }

            if (time.Offset != TimeSpan.Zero)
            {
                compact[field.OffsetName!] = (int)time.Offset.TotalMinutes;
            }

            return;
        }

        if (isBase)
        {
            compact[field.ShortName] = JValue.CreateNull();
        }

        if (value is not null)
        {
            others[field.Name] = value.DeepClone();
        }
    }

    private static JValue? DecodeTime(TranscriptField field, JObject compact, long? baseTicks)
    {
        long ticks;
        if (compact.TryGetValue(field.ShortName, out var delta))
        {
            if (delta.Type == JTokenType.Null)
            {
                return null;
            }

            ticks = (baseTicks ?? 0) + (long)delta;
        }
        else if (field.Rule == TranscriptFieldRule.BaseTime && baseTicks is { } value)
        {
            ticks = value;
        }
        else
        {
            return null;
        }

        var offset = TimeSpan.FromMinutes(compact[field.OffsetName!] is { } minutes ? (int)minutes : 0);
        return new JValue(new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(offset));
    }

    private static JToken EncodeSuggestedActions(JToken suggested)
    {
        // Only {"actions": [...]} is shortened: each imBack button to its title or [title, value]; anything else verbatim.
        if (suggested is not JObject { Count: 1 } only || only["actions"] is not JArray actions)
        {
            return suggested.DeepClone();
        }

        var encoded = new JArray();
        foreach (var action in actions)
        {
            if (action is JObject button && button.Count == 3
                && button["type"] is JValue { Type: JTokenType.String } type && (string?)type == ImBack
                && button["title"] is JValue { Type: JTokenType.String } title
                && button["value"] is JValue { Type: JTokenType.String } value)
            {
                encoded.Add(string.Equals((string?)title, (string?)value, StringComparison.Ordinal) ? title.DeepClone() : new JArray(title.DeepClone(), value.DeepClone()));
            }
            else
            {
                // Any other button, wrapped so that it is never read as a title.
                encoded.Add(new JObject { ["o"] = action.DeepClone() });
            }
        }

        return encoded;
    }

    private static JToken DecodeSuggestedActions(JToken encoded)
    {
        if (encoded is not JArray buttons)
        {
            return encoded.DeepClone();
        }

        var actions = new JArray();
        foreach (var button in buttons)
        {
            actions.Add(button switch
            {
                JValue title => new JObject { ["type"] = ImBack, ["title"] = title.DeepClone(), ["value"] = title.DeepClone() },
                JArray { Count: 2 } pair => new JObject { ["type"] = ImBack, ["title"] = pair[0].DeepClone(), ["value"] = pair[1].DeepClone() },
                JObject wrapped when wrapped["o"] is { } action => action.DeepClone(),
                _ => throw new InvalidDataException("Transcript element has a button of an unknown shape."),
            });
        }

        return new JObject { ["actions"] = actions };
    }

    private static DateTimeOffset? TryDate(JToken? token) => token switch
    {
        JValue { Value: DateTimeOffset value } => value,
        JValue { Value: DateTime value } => value.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : new DateTimeOffset(value),
        JValue { Type: JTokenType.String, Value: string text } when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
        _ => null,
    };

    // Null, [] and {} carry nothing: left out.
    private static JToken? Present(JToken? token) => token switch
    {
        null => null,
        { Type: JTokenType.Null or JTokenType.Undefined } => null,
        JArray { Count: 0 } => null,
        JObject { Count: 0 } => null,
        _ => token,
    };

    private static void AddIfPresent(JObject target, string name, JToken? value)
    {
        if (value is not null)
        {
            target[name] = value.DeepClone();
        }
    }

    // The "has none" marker 0 in place of a shared value.
    private static JToken? Absent(JToken value) => value is JValue { Type: JTokenType.Integer } marker && (long)marker == 0 ? null : value;

    private static void Set(JObject activity, string name, JToken? value)
    {
        if (value is not null)
        {
            activity[name] = value;
        }
    }

    /// <summary>A header's facts as the activities are compared with (the conversation defaults to <c>{"id": conversationId}</c>).</summary>
    private sealed record Shared(JToken? ServiceUrl, JToken? Conversation, JToken? User, JToken? Bot, JToken? Locale)
    {
        public static Shared From(JObject header, string conversationId) => new(
            header["s"],
            header.TryGetValue("c", out var conversation) ? Absent(conversation) : DefaultConversation(conversationId),
            header["u"],
            header["b"],
            header["l"]);

        public JToken? For(TranscriptSharedValue value, string channelId, bool first) => value switch
        {
            TranscriptSharedValue.ServiceUrl => ServiceUrl,
            TranscriptSharedValue.ChannelId => new JValue(channelId),
            TranscriptSharedValue.Conversation => Conversation,
            TranscriptSharedValue.Locale => Locale,
            // The turn's first activity comes from the user to the bot, the rest are replies from the bot to the user.
            TranscriptSharedValue.Sender => first ? User : Bot,
            TranscriptSharedValue.Receiver => first ? Bot : User,
            _ => null,
        };
    }
}
