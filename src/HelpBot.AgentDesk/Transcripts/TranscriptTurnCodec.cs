using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HelpBot.AgentDesk.Transcripts;

/// <summary>
/// The compact, versioned elements of <see cref="RedisTranscriptStore"/>'s list: a conversation header and one element
/// per turn, and back to full Bot Framework activities.
/// </summary>
/// <remarks>
/// <para>Byte 0 of every element is its format:</para>
/// <list type="bullet">
/// <item><see cref="HeaderFormat"/>: the facts every activity of the conversation shares, as UTF-8 JSON
/// <c>{"s": serviceUrl, "c": conversation, "u": user account, "b": bot account, "l": locale}</c> (from the turn's first
/// activity; <c>c</c> only when the conversation is more than <c>{"id": conversationId}</c>). The list's first element.</item>
/// <item><see cref="TurnFormat"/> / <see cref="TurnFormatBrotli"/>: a turn, as UTF-8 JSON (Brotli-compressed in the
/// second) <c>{"t": base time in UTC ticks, "a": [activities]}</c>, read with the list's header.</item>
/// <item><see cref="SelfContainedTurnFormat"/>: a turn whose header differs from the list's (the customer switched
/// language, the channel moved the service URL): 4-byte big-endian header length, the header element, the turn element.</item>
/// </list>
/// <para>Each activity leaves out what equals the header or the list's key (channel id, conversation), null and empty
/// values, <c>"type":"message"</c>, the conversation id at the start of its id (Direct Line ids are
/// <c>{conversationId}|0000001</c>), its timestamp when it is the turn's base, from/recipient when they are the usual
/// ones (the first activity from the user to the bot, the others from the bot to the user) and the replyToId of a reply
/// to the turn's first activity. Known fields get short names; common values of inputHint, textFormat, deliveryMode
/// and attachmentLayout become numbers; times are tick offsets from the turn's base (exact; a non-UTC offset is kept
/// in minutes); <c>imBack</c> buttons become their title or [title, value]. Every other field is kept verbatim under
/// its own name in <c>"+"</c>. Decoding rebuilds the same JSON values (property order and the spelling of dates may
/// differ). <c>0</c> in place of a shared value means "this activity has none".</para>
/// <para>Measured on the benchmark's 7-turn conversation (tools/HelpBot.Benchmark; zh-CN / en-US bytes). Full
/// activities as stored before: 9 405 / 9 662 of JSON (10 544 bytes of Redis). This compact JSON: 3 651 / 3 879.
/// Compressed per turn: Deflate 2 469 / 2 325, Deflate smallest 2 432 / 2 323, Brotli quality 5 2 222 / 2 238,
/// quality 9 2 175 / 2 202, quality 11 2 074 / 1 984. Time for a 700-byte turn on the shared 2-core machine:
/// Deflate 20-40 µs, Brotli 5 ~55 µs, 9 ~65 µs, 10-11 1.7-2.8 ms. Brotli 5 it is: with Deflate the Chinese
/// conversation's list (header 79 bytes + turns + 4 bytes per element) passes 2 560 bytes, the allocator's next size
/// class is 3 072, and the conversation would no longer fit in 4 KB with its state. A turn is stored compressed only
/// when that is smaller. Result: the list takes 2 744 bytes of Redis (MEMORY USAGE) for either language.</para>
/// </remarks>
public static class TranscriptTurnCodec
{
    /// <summary>Format byte: a turn, compact UTF-8 JSON, read with the list's header.</summary>
    public const byte TurnFormat = 1;

    /// <summary>Format byte: a turn, compact UTF-8 JSON compressed with Brotli, read with the list's header.</summary>
    public const byte TurnFormatBrotli = 2;

    /// <summary>Format byte: the conversation header, compact UTF-8 JSON.</summary>
    public const byte HeaderFormat = 3;

    /// <summary>Format byte: a turn with its own header (4-byte big-endian length, header element, turn element).</summary>
    public const byte SelfContainedTurnFormat = 4;

    private const int BrotliQuality = 5;
    private const int BrotliWindowBits = 16;
    internal const string Message = "message";
    private const string ImBack = "imBack";
    internal const string OtherFields = "+";

    // Activity fields copied as they are, under a short name.
    private static readonly (string Name, string Short)[] ShortNames =
    [
        ("text", "x"), ("textFormat", "tf"), ("inputHint", "h"), ("deliveryMode", "dm"), ("attachments", "at"),
        ("attachmentLayout", "al"), ("entities", "e"), ("value", "v"), ("valueType", "vt"), ("name", "n"),
        ("channelData", "cd"), ("speak", "sp"), ("summary", "su"), ("label", "lb"), ("callerId", "ci"),
        ("localTimezone", "lz"),
    ];

    // Common values of enumeration fields, stored as numbers (any other value is stored as the string it is).
    internal static readonly Dictionary<string, string[]> CodedValues = new(StringComparer.Ordinal)
    {
        ["inputHint"] = ["acceptingInput", "expectingInput", "ignoringInput"],
        ["textFormat"] = ["markdown", "plain", "xml"],
        ["deliveryMode"] = ["normal", "notification", "expectReplies", "ephemeral"],
        ["attachmentLayout"] = ["list", "carousel"],
    };

    internal static readonly Dictionary<string, string> ShortByName = ShortNames.ToDictionary(n => n.Name, n => n.Short, StringComparer.Ordinal);

    // Fields the codec handles itself (header facts, times, ids, buttons).
    internal static readonly HashSet<string> Handled = new(StringComparer.Ordinal)
    {
        "type", "id", "timestamp", "localTimestamp", "serviceUrl", "channelId", "from", "conversation", "recipient",
        "locale", "suggestedActions", "replyToId",
    };

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

        var (header, turn) = EncodeUncompressed(channelId, conversationId, activities);
        return (header, CompressedElement(turn));
    }

    /// <summary>What <see cref="Encode"/> does before Brotli: the header element and the turn element as plain JSON (what the micro benchmark measures as the JSON work).</summary>
    internal static (byte[] Header, byte[] Turn) EncodeUncompressed(string channelId, string conversationId, IReadOnlyList<JObject> activities)
    {
        var header = HeaderOf(activities[0], conversationId);
        var turn = EncodeTurn(channelId, conversationId, header, activities);
        return (Element(HeaderFormat, header), Element(TurnFormat, turn));
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
    private static byte[] CompressedElement(byte[] plain) => TurnElement(plain.AsSpan(1));

    /// <summary>
    /// A turn element from the turn's UTF-8 JSON, by the same rule as <see cref="Encode"/>: Brotli (quality 5, window 16)
    /// when that is smaller, else the JSON as it is.
    /// </summary>
    internal static byte[] TurnElement(ReadOnlySpan<byte> json)
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

    /// <summary>A header element of a header as <see cref="HeaderOf"/> builds it.</summary>
    internal static byte[] HeaderElement(JObject header) => Element(HeaderFormat, header);

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

    internal static JObject HeaderOf(JObject first, string conversationId)
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

    internal static JObject EncodeActivity(JObject activity, string channelId, string conversationId, Shared shared, bool first, string? repliesTo, long baseTicks)
    {
        var compact = new JObject();
        var others = new JObject();

        var type = Present(activity["type"]);
        if (!(type is JValue { Type: JTokenType.String } t && (string?)t == Message))
        {
            compact["y"] = type?.DeepClone() ?? 0;
        }

        if (Present(activity["id"]) is { } id)
        {
            if (id is JValue { Type: JTokenType.String } && (string?)id is { } text
                && conversationId.Length > 0 && text.Length > conversationId.Length && text.StartsWith(conversationId, StringComparison.Ordinal))
            {
                compact["j"] = text[conversationId.Length..];
            }
            else
            {
                compact["i"] = id.DeepClone();
            }
        }

        EncodeTime(activity, "timestamp", compact, "t", "to", others, baseTicks, baseWhenAbsent: true);
        EncodeTime(activity, "localTimestamp", compact, "lt", "lo", others, baseTicks, baseWhenAbsent: false);
        EncodeShared(compact, "s", Present(activity["serviceUrl"]), shared.ServiceUrl);
        EncodeShared(compact, "ch", Present(activity["channelId"]), channelId);
        EncodeShared(compact, "c", Present(activity["conversation"]), shared.Conversation);
        EncodeShared(compact, "l", Present(activity["locale"]), shared.Locale);

        // The turn's first activity comes from the user to the bot, the rest are replies from the bot to the user.
        var reply = !first;
        EncodeShared(compact, "f", Present(activity["from"]), reply ? shared.Bot : shared.User);
        EncodeShared(compact, "r", Present(activity["recipient"]), reply ? shared.User : shared.Bot);

        // Replies answer the turn's first activity.
        var replyTo = Present(activity["replyToId"]);
        if (!(repliesTo is not null && replyTo is JValue { Type: JTokenType.String } && (string?)replyTo == repliesTo))
        {
            EncodeShared(compact, "rt", replyTo, repliesTo is null ? null : new JValue(repliesTo));
        }

        if (Present(activity["suggestedActions"]) is { } suggested)
        {
            compact["sa"] = EncodeSuggestedActions(suggested);
        }

        foreach (var property in activity.Properties())
        {
            if (Handled.Contains(property.Name) || Present(property.Value) is not { } value)
            {
                continue;
            }

            if (ShortByName.TryGetValue(property.Name, out var shortName))
            {
                compact[shortName] = CodedValues.TryGetValue(property.Name, out var codes) && value is JValue { Type: JTokenType.String } text
                    && Array.IndexOf(codes, (string?)text) is var code and >= 0
                        ? code + 1
                        : value.DeepClone();
            }
            else
            {
                others[property.Name] = value.DeepClone();
            }
        }

        if (others.Count > 0)
        {
            compact[OtherFields] = others;
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
        var others = compact[OtherFields] as JObject;
        Set(activity, "type", compact.TryGetValue("y", out var type) ? Absent(type) : Message);
        if (compact["j"] is { } suffix)
        {
            activity["id"] = conversationId + (string?)suffix;
        }
        else
        {
            Set(activity, "id", compact["i"]);
        }

        Set(activity, "timestamp", DecodeTime(compact, "t", "to", baseTicks, baseWhenAbsent: true) ?? others?["timestamp"]);
        Set(activity, "localTimestamp", DecodeTime(compact, "lt", "lo", baseTicks, baseWhenAbsent: false) ?? others?["localTimestamp"]);
        Set(activity, "serviceUrl", DecodeShared(compact, "s", shared.ServiceUrl));
        Set(activity, "channelId", DecodeShared(compact, "ch", channelId));
        var reply = !first;
        Set(activity, "from", DecodeShared(compact, "f", reply ? shared.Bot : shared.User));
        Set(activity, "conversation", DecodeShared(compact, "c", shared.Conversation));
        Set(activity, "recipient", DecodeShared(compact, "r", reply ? shared.User : shared.Bot));
        Set(activity, "locale", DecodeShared(compact, "l", shared.Locale));
        foreach (var (name, shortName) in ShortNames)
        {
            var value = compact[shortName];
            if (value is JValue { Type: JTokenType.Integer } coded && CodedValues.TryGetValue(name, out var codes))
            {
                var code = (int)coded;
                value = code >= 1 && code <= codes.Length ? codes[code - 1] : throw new InvalidDataException($"Transcript element has an unknown {name} code {code}.");
            }

            Set(activity, name, value);
        }

        if (compact["sa"] is { } suggested)
        {
            activity["suggestedActions"] = DecodeSuggestedActions(suggested);
        }

        Set(activity, "replyToId", DecodeShared(compact, "rt", repliesTo is null ? null : new JValue(repliesTo)));
        foreach (var property in others?.Properties() ?? [])
        {
            if (activity[property.Name] is null)
            {
                activity[property.Name] = property.Value.DeepClone();
            }
        }

        return activity;
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
    private static void EncodeTime(JObject activity, string name, JObject compact, string ticksName, string offsetName, JObject others, long baseTicks, bool baseWhenAbsent)
    {
        if (Present(activity[name]) is not { } value)
        {
            if (baseWhenAbsent)
            {
                compact[ticksName] = JValue.CreateNull();
            }

            return;
        }

        if (TryDate(value) is { } time)
        {
            if (!(baseWhenAbsent && time.UtcTicks == baseTicks))
            {
                compact[ticksName] = time.UtcTicks - baseTicks;
            }

            if (time.Offset != TimeSpan.Zero)
            {
                compact[offsetName] = (int)time.Offset.TotalMinutes;
            }
        }
        else
        {
            if (baseWhenAbsent)
            {
                compact[ticksName] = JValue.CreateNull();
            }

            others[name] = value.DeepClone();
        }
    }

    private static JValue? DecodeTime(JObject compact, string ticksName, string offsetName, long? baseTicks, bool baseWhenAbsent)
    {
        long ticks;
        if (compact.TryGetValue(ticksName, out var delta))
        {
            if (delta.Type == JTokenType.Null)
            {
                return null;
            }

            ticks = (baseTicks ?? 0) + (long)delta;
        }
        else if (baseWhenAbsent && baseTicks is { } value)
        {
            ticks = value;
        }
        else
        {
            return null;
        }

        var offset = TimeSpan.FromMinutes(compact[offsetName] is { } minutes ? (int)minutes : 0);
        return new JValue(new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(offset));
    }

    internal static JToken EncodeSuggestedActions(JToken suggested)
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

    internal static DateTimeOffset? TryDate(JToken? token) => token switch
    {
        JValue { Value: DateTimeOffset value } => value,
        JValue { Value: DateTime value } => value.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : new DateTimeOffset(value),
        JValue { Type: JTokenType.String, Value: string text } when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
        _ => null,
    };

    // Null, [] and {} carry nothing: left out.
    internal static JToken? Present(JToken? token) => token switch
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
    internal sealed record Shared(JToken? ServiceUrl, JToken? Conversation, JToken? User, JToken? Bot, JToken? Locale)
    {
        public static Shared From(JObject header, string conversationId) => new(
            header["s"],
            header.TryGetValue("c", out var conversation) ? Absent(conversation) : DefaultConversation(conversationId),
            header["u"],
            header["b"],
            header["l"]);
    }
}
