using System.Globalization;
using System.IO.Compression;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HelpBot.AgentDesk.Transcripts;

/// <summary>
/// One turn's activities as one compact, versioned byte string (an element of <see cref="RedisTranscriptStore"/>'s
/// list), and back to full Bot Framework activities.
/// </summary>
/// <remarks>
/// <para>Byte 0 is the format: <see cref="CompactJson"/> (UTF-8 JSON follows) or <see cref="CompactJsonDeflate"/>
/// (the same JSON, raw Deflate). The JSON is <c>{"s":…,"c":…,"u":…,"b":…,"l":…,"t":…,"a":[…]}</c>: the turn's
/// header facts, taken from its first activity (service URL, conversation unless it is just <c>{"id": conversationId}</c>,
/// user and bot accounts, locale, base time in UTC ticks) and one object per activity that leaves out whatever equals
/// the header or the list's key (channel id, conversation), null and empty values, <c>"type":"message"</c>, and the
/// conversation id at the start of an activity id (Direct Line ids are <c>{conversationId}|0000001</c>). Known fields
/// get short names; times are tick offsets from the header's base (exact, offset kept); <c>imBack</c> buttons become
/// their title (or [title, value]); every other field is kept verbatim under its own name in <c>"+"</c>, so decoding
/// rebuilds the same activity (same JSON values; property order and date spelling may differ).</para>
/// <para>A marker stands for "this activity has no such field" where the header has one: <c>0</c>; for from and
/// recipient, <c>1</c> means the other header account (a reply goes from the bot to the user).</para>
/// <para>Measured on the benchmark's 7-turn conversation (tools/HelpBot.Benchmark, zh-CN / en-US; full activities as
/// stored before: 9 405 / 9 662 bytes of JSON): compact JSON 4 245 / 4 480 bytes, the same with Deflate 2 843 / 2 629
/// bytes (turns of 196-541 bytes, each 10-55 % smaller), so Deflate is used whenever it is smaller. Brotli (quality
/// 5) was within a few percent of Deflate and slower; see TranscriptBenchmarks for encode and decode times.</para>
/// </remarks>
public static class TranscriptTurnCodec
{
    /// <summary>Format byte: compact JSON in UTF-8.</summary>
    public const byte CompactJson = 1;

    /// <summary>Format byte: compact JSON in UTF-8, raw Deflate.</summary>
    public const byte CompactJsonDeflate = 2;

    private const string Message = "message";
    private const string ImBack = "imBack";
    private const string OtherFields = "+";

    // Activity fields copied as they are, under a short name.
    private static readonly (string Name, string Short)[] ShortNames =
    [
        ("text", "x"), ("textFormat", "tf"), ("inputHint", "h"), ("deliveryMode", "dm"), ("attachments", "at"),
        ("attachmentLayout", "al"), ("entities", "e"), ("value", "v"), ("valueType", "vt"), ("name", "n"),
        ("channelData", "cd"), ("speak", "sp"), ("summary", "su"), ("label", "lb"), ("callerId", "ci"),
        ("localTimezone", "lz"), ("replyToId", "rt"),
    ];

    private static readonly Dictionary<string, string> ShortByName = ShortNames.ToDictionary(n => n.Name, n => n.Short, StringComparer.Ordinal);

    // Fields the codec handles itself (header facts, times, ids, buttons).
    private static readonly HashSet<string> Handled = new(StringComparer.Ordinal)
    {
        "type", "id", "timestamp", "localTimestamp", "serviceUrl", "channelId", "from", "conversation", "recipient",
        "locale", "suggestedActions", "replyToId",
    };

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Encodes a turn's activities (channel and conversation are those of the list the element goes to).</summary>
    public static byte[] Encode(string channelId, string conversationId, IReadOnlyList<JObject> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        if (activities.Count == 0)
        {
            throw new ArgumentException("A turn has at least one activity.", nameof(activities));
        }

        var json = Encoding.UTF8.GetBytes(EncodeTurn(channelId, conversationId, activities).ToString(Formatting.None));
        using var compressed = new MemoryStream(json.Length + 1);
        compressed.WriteByte(CompactJsonDeflate);
        using (var deflate = new DeflateStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(json);
        }

        if (compressed.Length < json.Length + 1)
        {
            return compressed.ToArray();
        }

        var plain = new byte[json.Length + 1];
        plain[0] = CompactJson;
        json.CopyTo(plain, 1);
        return plain;
    }

    /// <summary>The turn's full activities.</summary>
    /// <exception cref="InvalidDataException">Unknown format byte, or not a turn of a known format.</exception>
    public static IReadOnlyList<JObject> Decode(string channelId, string conversationId, ReadOnlySpan<byte> element)
    {
        if (element.IsEmpty)
        {
            throw new InvalidDataException("Empty transcript element.");
        }

        string json;
        try
        {
            json = element[0] switch
            {
                CompactJson => Utf8.GetString(element[1..]),
                CompactJsonDeflate => Inflate(element[1..]),
                _ => throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"Unknown transcript element format {element[0]}.")),
            };
        }
        catch (DecoderFallbackException ex)
        {
            throw new InvalidDataException("Transcript element is not UTF-8.", ex);
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, MaxDepth = 128 };
            var turn = JObject.Load(reader);
            if (reader.Read())
            {
                throw new InvalidDataException("Transcript element has data after the turn.");
            }

            return DecodeTurn(channelId, conversationId, turn);
        }
        catch (Exception ex) when (ex is JsonException or InvalidCastException or FormatException or OverflowException or ArgumentException)
        {
            throw new InvalidDataException("Transcript element is not a valid turn: " + ex.Message, ex);
        }
    }

    private static string Inflate(ReadOnlySpan<byte> compressed)
    {
        using var input = new MemoryStream(compressed.ToArray(), writable: false);
        using var deflate = new DeflateStream(input, CompressionMode.Decompress);
        using var text = new StreamReader(deflate, Utf8);
        return text.ReadToEnd();
    }

    private static JObject EncodeTurn(string channelId, string conversationId, IReadOnlyList<JObject> activities)
    {
        var first = activities[0];
        var header = new JObject();
        var serviceUrl = Present(first["serviceUrl"]);
        var conversation = Present(first["conversation"]);
        var user = Present(first["from"]);
        var bot = Present(first["recipient"]);
        var locale = Present(first["locale"]);
        var firstId = first["id"] is JValue { Type: JTokenType.String } id ? (string?)id : null;
        var baseTime = activities.Select(a => TryDate(a["timestamp"])).FirstOrDefault(t => t is not null);
        var defaultConversation = new JObject { ["id"] = conversationId };
        AddIfPresent(header, "s", serviceUrl);
        if (!JToken.DeepEquals(conversation, defaultConversation))
        {
            header["c"] = conversation ?? 0;
        }

        AddIfPresent(header, "u", user);
        AddIfPresent(header, "b", bot);
        AddIfPresent(header, "l", locale);
        if (baseTime is { } time)
        {
            header["t"] = time.UtcTicks;
        }

        var encoded = new JArray();
        foreach (var activity in activities)
        {
            encoded.Add(EncodeActivity(activity, channelId, conversationId, serviceUrl, conversation, user, bot, locale, firstId, baseTime?.UtcTicks ?? 0));
        }

        header["a"] = encoded;
        return header;
    }

    private static JObject EncodeActivity(
        JObject activity,
        string channelId,
        string conversationId,
        JToken? serviceUrl,
        JToken? conversation,
        JToken? user,
        JToken? bot,
        JToken? locale,
        string? firstId,
        long baseTicks)
    {
        var compact = new JObject();
        var others = new JObject();

        var type = Present(activity["type"]);
        if (!(type is JValue { Type: JTokenType.String } t && (string?)t == Message))
        {
            compact["y"] = type ?? 0;
        }

        if (Present(activity["id"]) is { } id)
        {
            if (id is JValue { Type: JTokenType.String } && (string)id! is { } text
                && text.Length > conversationId.Length && conversationId.Length > 0 && text.StartsWith(conversationId, StringComparison.Ordinal))
            {
                compact["j"] = text[conversationId.Length..];
            }
            else
            {
                compact["i"] = id;
            }
        }

        EncodeTime(activity, "timestamp", compact, "t", "to", others, baseTicks);
        EncodeTime(activity, "localTimestamp", compact, "lt", "lo", others, baseTicks);
        EncodeShared(compact, "s", Present(activity["serviceUrl"]), serviceUrl);
        EncodeShared(compact, "ch", Present(activity["channelId"]), channelId);
        EncodeShared(compact, "c", Present(activity["conversation"]), conversation);
        EncodeAccount(compact, "f", Present(activity["from"]), user, bot);
        EncodeAccount(compact, "r", Present(activity["recipient"]), bot, user);
        EncodeShared(compact, "l", Present(activity["locale"]), locale);

        if (Present(activity["replyToId"]) is { } replyTo)
        {
            if (firstId is not null && replyTo is JValue { Type: JTokenType.String } && (string?)replyTo == firstId)
            {
                compact["p"] = 1;
            }
            else
            {
                compact["rt"] = replyTo;
            }
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
                compact[shortName] = value.DeepClone();
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

    private static IReadOnlyList<JObject> DecodeTurn(string channelId, string conversationId, JObject turn)
    {
        var serviceUrl = turn["s"];
        var conversation = turn.TryGetValue("c", out var c) ? Absent(c) : new JObject { ["id"] = conversationId };
        var user = turn["u"];
        var bot = turn["b"];
        var locale = turn["l"];
        var baseTicks = turn["t"] is { } t ? (long)t : 0L;
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

            var activity = DecodeActivity(compact, channelId, conversationId, serviceUrl, conversation, user, bot, locale, firstId, baseTicks);
            if (decoded.Count == 0)
            {
                firstId = activity["id"] is JValue { Type: JTokenType.String } id ? (string?)id : null;
            }

            decoded.Add(activity);
        }

        return decoded;
    }

    private static JObject DecodeActivity(
        JObject compact,
        string channelId,
        string conversationId,
        JToken? serviceUrl,
        JToken? conversation,
        JToken? user,
        JToken? bot,
        JToken? locale,
        string? firstId,
        long baseTicks)
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

        Set(activity, "timestamp", DecodeTime(compact, "t", "to", baseTicks) ?? others?["timestamp"]);
        Set(activity, "localTimestamp", DecodeTime(compact, "lt", "lo", baseTicks) ?? others?["localTimestamp"]);
        Set(activity, "serviceUrl", DecodeShared(compact, "s", serviceUrl));
        Set(activity, "channelId", DecodeShared(compact, "ch", channelId));
        Set(activity, "from", DecodeAccount(compact, "f", user, bot));
        Set(activity, "conversation", DecodeShared(compact, "c", conversation));
        Set(activity, "recipient", DecodeAccount(compact, "r", bot, user));
        Set(activity, "locale", DecodeShared(compact, "l", locale));
        foreach (var (name, shortName) in ShortNames)
        {
            Set(activity, name, compact[shortName]);
        }

        if (compact["sa"] is { } suggested)
        {
            activity["suggestedActions"] = DecodeSuggestedActions(suggested);
        }

        if (compact["p"] is not null)
        {
            Set(activity, "replyToId", firstId);
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

    // A field that usually equals the header's: nothing when equal, 0 when the activity lacks it, else the value.
    private static void EncodeShared(JObject compact, string shortName, JToken? value, JToken? shared)
    {
        if (!JToken.DeepEquals(value, shared))
        {
            compact[shortName] = value?.DeepClone() ?? 0;
        }
    }

    private static JToken? DecodeShared(JObject compact, string shortName, JToken? shared) =>
        compact.TryGetValue(shortName, out var value) ? Absent(value) : shared?.DeepClone();

    // from / recipient: nothing when it is the usual account, 1 when it is the other one (a reply), 0 when missing.
    private static void EncodeAccount(JObject compact, string shortName, JToken? value, JToken? usual, JToken? other)
    {
        if (JToken.DeepEquals(value, usual))
        {
            return;
        }

        compact[shortName] = value is null ? 0 : other is not null && JToken.DeepEquals(value, other) ? 1 : value.DeepClone();
    }

    private static JToken? DecodeAccount(JObject compact, string shortName, JToken? usual, JToken? other)
    {
        if (!compact.TryGetValue(shortName, out var value))
        {
            return usual?.DeepClone();
        }

        return value is JValue { Type: JTokenType.Integer } marker ? ((long)marker == 1 ? other?.DeepClone() : null) : value;
    }

    private static void EncodeTime(JObject activity, string name, JObject compact, string ticksName, string offsetName, JObject others, long baseTicks)
    {
        if (Present(activity[name]) is not { } value)
        {
            return;
        }

        if (TryDate(value) is { } time)
        {
            compact[ticksName] = time.UtcTicks - baseTicks;
            if (time.Offset != TimeSpan.Zero)
            {
                compact[offsetName] = (int)time.Offset.TotalMinutes;
            }
        }
        else
        {
            others[name] = value.DeepClone();
        }
    }

    private static JToken? DecodeTime(JObject compact, string ticksName, string offsetName, long baseTicks)
    {
        if (compact[ticksName] is not { } delta)
        {
            return null;
        }

        var offset = TimeSpan.FromMinutes(compact[offsetName] is { } minutes ? (int)minutes : 0);
        return new JValue(new DateTimeOffset(baseTicks + (long)delta, TimeSpan.Zero).ToOffset(offset));
    }

    private static JToken EncodeSuggestedActions(JToken suggested)
    {
        // Only {"actions": [...]}: the buttons, each imBack one as its title or [title, value]; anything else verbatim.
        if (suggested is not JObject { Count: 1 } only || only["actions"] is not JArray actions)
        {
            return suggested.DeepClone();
        }

        var encoded = new JArray();
        foreach (var action in actions)
        {
            if (action is JObject button && button.Properties().All(p => p.Name is "type" or "title" or "value")
                && (string?)(button["type"] as JValue) == ImBack
                && button["title"] is JValue { Type: JTokenType.String } title
                && button["value"] is JValue { Type: JTokenType.String } value)
            {
                encoded.Add(string.Equals((string?)title, (string?)value, StringComparison.Ordinal) ? title.DeepClone() : new JArray(title.DeepClone(), value.DeepClone()));
            }
            else
            {
                // A non-imBack button is an object; wrapped so that it is never read as a title.
                encoded.Add(new JObject { ["o"] = action.DeepClone() });
            }
        }

        return encoded;
    }

    private static JToken DecodeSuggestedActions(JToken encoded)
    {
        if (encoded is not JArray buttons)
        {
            return encoded;
        }

        var actions = new JArray();
        foreach (var button in buttons)
        {
            actions.Add(button switch
            {
                JValue title => new JObject { ["type"] = ImBack, ["title"] = title.DeepClone(), ["value"] = title.DeepClone() },
                JArray { Count: 2 } pair => new JObject { ["type"] = ImBack, ["title"] = pair[0].DeepClone(), ["value"] = pair[1].DeepClone() },
                JObject wrapped when wrapped["o"] is { } action => action,
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

    // The "no such field" marker 0 in place of an object or string.
    private static JToken? Absent(JToken value) => value is JValue { Type: JTokenType.Integer } marker && (long)marker == 0 ? null : value;

    private static void Set(JObject activity, string name, JToken? value)
    {
        if (value is not null)
        {
            activity[name] = value;
        }
    }
}
