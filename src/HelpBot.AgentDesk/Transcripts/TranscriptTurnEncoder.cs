using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.ObjectPool;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace HelpBot.AgentDesk.Transcripts;

/// <summary>
/// Encodes one turn into <see cref="TranscriptTurnCodec"/>'s elements activity by activity, as each is recorded,
/// straight from the Bot Framework object: the same elements as <see cref="TranscriptTurnCodec.Encode"/> of the
/// activities' snapshots (<see cref="TranscriptActivities.Snapshot(IActivity, string?, DateTimeOffset)"/>), without
/// building them. Snapshotting every activity into a JObject and then building a second, compact JObject of it cost
/// more CPU under load than anything else in the transcript but Brotli. The turn's first activity fixes the header
/// and the base time, so each activity is written (and so frozen, as a snapshot is) when it is recorded.
/// </summary>
/// <remarks>
/// The fields the format knows are written from the typed properties, accounts and conversations from their fields
/// (<see cref="FlatJsonContract"/>); attachments, entities, values, channel data and rare fields go through the
/// snapshot's serializer, so they come out as a snapshot would have them. An activity this writer cannot reproduce
/// exactly (a subclass of Activity, extension data named like one of its fields, a serializer contract with
/// converters) is snapshotted and encoded the old way into the same element. Not thread-safe.
/// </remarks>
public sealed class TranscriptTurnEncoder
{
    // 64 conversations' turns in flight at once each hold a builder until the turn is stored.
    private static readonly ObjectPool<StringBuilder> Builders =
        new DefaultObjectPoolProvider { MaximumRetained = 128 }.CreateStringBuilderPool(initialCapacity: 2048, maximumRetainedCapacity: 32 * 1024);

    private static readonly JsonSerializer Serializer = TranscriptActivities.Serializer;

    // Activity's serialized fields other than those the codec handles itself, in the order the serializer writes them;
    // null when the contract does something this writer does not reproduce (then every activity is snapshotted).
    private static readonly Field[]? OtherFields = FieldsOf(Serializer.ContractResolver.ResolveContract(typeof(Activity)) as JsonObjectContract);

    // Every serialized field name of Activity: extension data under one of them is left to the snapshot path.
    private static readonly HashSet<string> FieldNames = new(
        (Serializer.ContractResolver.ResolveContract(typeof(Activity)) as JsonObjectContract)?.Properties.Select(p => p.PropertyName!) ?? [],
        StringComparer.Ordinal);

    // Accounts and conversations read straight from the object (null: their contract is not flat; they are serialized).
    private static readonly FlatJsonContract? Accounts = FlatJsonContract.For(Serializer, typeof(ChannelAccount));
    private static readonly FlatJsonContract? Conversations = FlatJsonContract.For(Serializer, typeof(ConversationAccount));

    // Whether suggested actions and buttons serialize to just the fields WriteSuggestedActions reads (Bot Schema 4.23).
    private static readonly bool ButtonsAsWritten =
        HasExactly(typeof(SuggestedActions), "to", "actions")
        && HasExactly(typeof(CardAction), "type", "title", "image", "text", "displayText", "value", "channelData", "imageAltText");

    private readonly string _channelId;
    private readonly string _conversationId;
    private readonly JValue _channel;
    private bool _finished;
    private StringBuilder? _json;
    private StringWriter? _text;
    private byte[]? _header;
    private TranscriptTurnCodec.Shared? _shared;
    private long _baseTicks;
    private string? _firstId;

    // A turn whose first activity has no usable time (its base time may come from a later one): kept as snapshots
    // and encoded at the end as TranscriptTurnCodec.Encode does.
    private List<JObject>? _snapshots;

    public TranscriptTurnEncoder(string channelId, string conversationId)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(conversationId);
        _channelId = channelId;
        _conversationId = conversationId;
        _channel = new JValue(channelId);
    }

    /// <summary>How many activities have been added.</summary>
    public int Count { get; private set; }

    /// <summary>How many of them were written straight from the activity (the others were snapshotted first).</summary>
    internal int WrittenDirectly { get; private set; }

    /// <summary>
    /// Adds the next activity of the turn as it is now (the first one is the activity the turn received).
    /// <paramref name="id"/> replaces its id (a sent activity's id from the channel); without a timestamp it gets
    /// <paramref name="now"/>.
    /// </summary>
    public void Add(IActivity activity, string? id, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (_finished)
        {
            throw new InvalidOperationException("The turn has been encoded already.");
        }

        // An activity that cannot be serialized throws, as its snapshot did, and leaves the turn as it was.
        var written = _json?.Length ?? 0;
        try
        {
            if (_snapshots is null && activity is Activity typed && CanWrite(typed))
            {
                WriteActivity(typed, id ?? typed.Id, typed.Timestamp ?? now);
                WrittenDirectly++;
            }
            else
            {
                Add(TranscriptActivities.Snapshot(activity, id, now));
            }
        }
        catch when (Count == 0)
        {
            Restart();
            throw;
        }
        catch
        {
            _json?.Length = written;
            throw;
        }

        Count++;
    }

    /// <summary>The turn's header element and turn element (as <see cref="TranscriptTurnCodec.Encode"/> returns them); the encoder is done.</summary>
    /// <exception cref="InvalidOperationException">No activity was added.</exception>
    public (byte[] Header, byte[] Turn) Finish() => Finish(compress: true);

    /// <summary><see cref="Finish()"/>, or without Brotli: the turn element as plain JSON (what the micro benchmark measures as the JSON work).</summary>
    internal (byte[] Header, byte[] Turn) Finish(bool compress)
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("A turn has at least one activity.");
        }

        if (_finished)
        {
            throw new InvalidOperationException("The turn has been encoded already.");
        }

        _finished = true;
        if (_snapshots is not null)
        {
            return compress ? TranscriptTurnCodec.Encode(_channelId, _conversationId, _snapshots) : TranscriptTurnCodec.EncodeUncompressed(_channelId, _conversationId, _snapshots);
        }

        var json = _json!.Append("]}");
        _json = null;
        _text = null;

        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var length = Utf8(json, utf8);
            Builders.Return(json);
            return (_header!, compress ? TranscriptTurnCodec.TurnElement(utf8.AsSpan(0, length)) : [TranscriptTurnCodec.TurnFormat, .. utf8.AsSpan(0, length)]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    private static int Utf8(StringBuilder json, byte[] destination)
    {
        // Chunk by chunk, without the string; the encoder keeps a surrogate pair that spans two chunks together.
        var encoder = Encoding.UTF8.GetEncoder();
        var written = 0;
        foreach (var chunk in json.GetChunks())
        {
            written += encoder.GetBytes(chunk.Span, destination.AsSpan(written), flush: false);
        }

        return written + encoder.GetBytes([], destination.AsSpan(written), flush: true);
    }

    private static bool CanWrite(Activity activity)
    {
        if (OtherFields is null || activity.GetType() != typeof(Activity))
        {
            return false;
        }

        foreach (var property in activity.Properties ?? [])
        {
            if (FieldNames.Contains(property.Key))
            {
                return false;
            }
        }

        return true;
    }

    // An activity that is not written directly: its snapshot, encoded as TranscriptTurnCodec.Encode encodes it.
    private void Add(JObject snapshot)
    {
        if (_snapshots is not null)
        {
            _snapshots.Add(snapshot);
            return;
        }

        var first = Count == 0;
        if (first)
        {
            if (TranscriptTurnCodec.TryDate(snapshot["timestamp"]) is not { } time)
            {
                _snapshots = [snapshot];
                return;
            }

            Begin(TranscriptTurnCodec.HeaderOf(snapshot, _conversationId), time.UtcTicks, snapshot["id"] is JValue { Type: JTokenType.String } id ? (string?)id : null);
        }

        var writer = NextActivity();
        TranscriptTurnCodec.EncodeActivity(snapshot, _channelId, _conversationId, _shared!, first, first ? null : _firstId, _baseTicks).WriteTo(writer);
        writer.Flush();
    }

    // A writer for the next activity of the turn's array (each activity has its own, so that one that fails is cut off).
    private JsonTextWriter NextActivity()
    {
        if (Count > 0)
        {
            _json!.Append(',');
        }

        return new JsonTextWriter(_text!);
    }

    // Back to no activity: the first one failed.
    private void Restart()
    {
        if (_json is not null)
        {
            Builders.Return(_json);
        }

        _json = null;
        _text = null;
        _header = null;
        _shared = null;
        _snapshots = null;
    }

    private void Begin(JObject header, long baseTicks, string? firstId)
    {
        _header = TranscriptTurnCodec.HeaderElement(header);
        _shared = TranscriptTurnCodec.Shared.From(header, _conversationId);
        _baseTicks = baseTicks;
        _firstId = firstId;
        _json = Builders.Get();
        _text = new StringWriter(_json, CultureInfo.InvariantCulture);

        // {"t": base time, "a": [activities]}, as JsonTextWriter writes it.
        _json.Append("{\"t\":").Append(baseTicks.ToString(CultureInfo.InvariantCulture)).Append(",\"a\":[");
    }

    // What TranscriptTurnCodec.EncodeActivity makes of the activity's snapshot, written as it goes.
    private void WriteActivity(Activity activity, string? id, DateTimeOffset timestamp)
    {
        var first = Count == 0;
        if (first)
        {
            // The header of the snapshot, from the fields it is made of.
            var facts = new JObject();
            SetIfNotNull(facts, "serviceUrl", activity.ServiceUrl);
            SetIfNotNull(facts, "conversation", Json(activity.Conversation, Conversations));
            SetIfNotNull(facts, "from", Json(activity.From, Accounts));
            SetIfNotNull(facts, "recipient", Json(activity.Recipient, Accounts));
            SetIfNotNull(facts, "locale", activity.Locale);
            Begin(TranscriptTurnCodec.HeaderOf(facts, _conversationId), timestamp.UtcTicks, id);
        }

        var shared = _shared!;
        var writer = NextActivity();
        writer.WriteStartObject();
        if (!string.Equals(activity.Type, TranscriptTurnCodec.Message, StringComparison.Ordinal))
        {
            WriteStringOrNone(writer, "y", activity.Type);
        }

        if (id is not null)
        {
            if (_conversationId.Length > 0 && id.Length > _conversationId.Length && id.StartsWith(_conversationId, StringComparison.Ordinal))
            {
                writer.WritePropertyName("j");
                writer.WriteValue(id[_conversationId.Length..]);
            }
            else
            {
                writer.WritePropertyName("i");
                writer.WriteValue(id);
            }
        }

        WriteTime(writer, "t", "to", timestamp, omitTicks: timestamp.UtcTicks == _baseTicks);
        if (activity.LocalTimestamp is { } localTime)
        {
            WriteTime(writer, "lt", "lo", localTime, omitTicks: false);
        }

        // The header is the first activity's: its service URL, conversation, locale and accounts are the shared ones.
        if (!first)
        {
            WriteShared(writer, "s", activity.ServiceUrl, shared.ServiceUrl);
        }

        WriteShared(writer, "ch", activity.ChannelId, _channel);
        if (!first)
        {
            WriteShared(writer, "c", activity.Conversation, Conversations, shared.Conversation);
            WriteShared(writer, "l", activity.Locale, shared.Locale);

            // The rest of the turn's activities are replies, from the bot to the user.
            WriteShared(writer, "f", activity.From, Accounts, shared.Bot);
            WriteShared(writer, "r", activity.Recipient, Accounts, shared.User);
        }

        // Replies answer the turn's first activity.
        var repliesTo = first ? null : _firstId;
        if (!(repliesTo is not null && string.Equals(activity.ReplyToId, repliesTo, StringComparison.Ordinal)))
        {
            WriteShared(writer, "rt", activity.ReplyToId, repliesTo is null ? null : new JValue(repliesTo));
        }

        WriteSuggestedActions(writer, activity.SuggestedActions);
        WriteOtherFields(writer, activity);
        writer.WriteEndObject();
        writer.Flush();
    }

    private void WriteTime(JsonWriter writer, string ticksName, string offsetName, DateTimeOffset time, bool omitTicks)
    {
        if (!omitTicks)
        {
            writer.WritePropertyName(ticksName);
            writer.WriteValue(time.UtcTicks - _baseTicks);
        }

        if (time.Offset != TimeSpan.Zero)
        {
            writer.WritePropertyName(offsetName);
            writer.WriteValue((int)time.Offset.TotalMinutes);
        }
    }

    private static void WriteSuggestedActions(JsonWriter writer, SuggestedActions? suggested)
    {
        if (suggested is null)
        {
            return;
        }

        // The usual {"actions": [CardAction, ...]}: imBack buttons written as their title or [title, value] here,
        // other buttons as their JSON wrapped in {"o": ...} (what TranscriptTurnCodec.EncodeSuggestedActions does).
        if (ButtonsAsWritten && suggested.GetType() == typeof(SuggestedActions) && suggested.To is null && suggested.Actions is { } actions && actions.All(a => a?.GetType() == typeof(CardAction)))
        {
            writer.WritePropertyName("sa");
            writer.WriteStartArray();
            foreach (var action in actions)
            {
                if (IsShortImBack(action))
                {
                    var title = action.Title;
                    var value = action.Value is JValue text ? (string)text! : (string)action.Value;
                    if (string.Equals(title, value, StringComparison.Ordinal))
                    {
                        writer.WriteValue(title);
                    }
                    else
                    {
                        writer.WriteStartArray();
                        writer.WriteValue(title);
                        writer.WriteValue(value);
                        writer.WriteEndArray();
                    }
                }
                else
                {
                    writer.WriteStartObject();
                    writer.WritePropertyName("o");
                    JToken.FromObject(action, Serializer).WriteTo(writer);
                    writer.WriteEndObject();
                }
            }

            writer.WriteEndArray();
            return;
        }

        if (TranscriptTurnCodec.Present(JToken.FromObject(suggested, Serializer)) is { } token)
        {
            writer.WritePropertyName("sa");
            TranscriptTurnCodec.EncodeSuggestedActions(token).WriteTo(writer);
        }
    }

    // An imBack button whose JSON is exactly {"type", "title", "value"}, all strings.
    private static bool IsShortImBack(CardAction action) =>
        string.Equals(action.Type, ActionTypes.ImBack, StringComparison.Ordinal)
        && action.Title is not null
        && action.Value is string or JValue { Type: JTokenType.String }
        && action.Image is null && action.Text is null && action.DisplayText is null && action.ChannelData is null && action.ImageAltText is null;

    // Fields with a short name in place, in the serializer's order; every other present field, then the extension
    // data, under "+".
    private static void WriteOtherFields(JsonWriter writer, Activity activity)
    {
        List<(string Name, JToken Value)>? others = null;
        foreach (var field in OtherFields!)
        {
            var value = field.Value.GetValue(activity);
            if (value is null)
            {
                continue;
            }

            if (field.ShortName is not { } shortName)
            {
                if (TranscriptTurnCodec.Present(value as JToken ?? JToken.FromObject(value, Serializer)) is { } other)
                {
                    (others ??= []).Add((field.Name, other));
                }

                continue;
            }

            switch (value)
            {
                case string text:
                    writer.WritePropertyName(shortName);
                    if (field.Codes is { } codes && Array.IndexOf(codes, text) is var code and >= 0)
                    {
                        writer.WriteValue(code + 1);
                    }
                    else
                    {
                        writer.WriteValue(text);
                    }

                    break;
                case ICollection { Count: 0 }:
                    // [] or {}: left out.
                    break;
                case IList:
                    // A list with items: an array that is not empty, written by the snapshot's serializer.
                    writer.WritePropertyName(shortName);
                    Serializer.Serialize(writer, value);
                    break;
                default:
                    if (TranscriptTurnCodec.Present(value as JToken ?? JToken.FromObject(value, Serializer)) is { } token)
                    {
                        writer.WritePropertyName(shortName);
                        token.WriteTo(writer);
                    }

                    break;
            }
        }

        foreach (var property in activity.Properties ?? [])
        {
            if (TranscriptTurnCodec.Present(property.Value) is { } value)
            {
                (others ??= []).Add((property.Key, value));
            }
        }

        if (others is not null)
        {
            writer.WritePropertyName(TranscriptTurnCodec.OtherFields);
            writer.WriteStartObject();
            foreach (var (name, value) in others)
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }
    }

    // A field that usually equals a shared value: nothing when equal, 0 when the activity lacks it, else the value.
    private static void WriteShared(JsonWriter writer, string name, string? value, JToken? shared)
    {
        var equal = value is null
            ? shared is null
            : shared is JValue { Type: JTokenType.String } text && string.Equals((string?)text, value, StringComparison.Ordinal);
        if (!equal)
        {
            WriteStringOrNone(writer, name, value);
        }
    }

    private static void WriteShared(JsonWriter writer, string name, object? value, FlatJsonContract? contract, JToken? shared)
    {
        if (value is not null && contract is not null && contract.TryEquals(value, shared, out var equal) && equal)
        {
            return;
        }

        WriteShared(writer, name, Json(value, contract), shared);
    }

    private static void WriteShared(JsonWriter writer, string name, JToken? value, JToken? shared)
    {
        if (!JToken.DeepEquals(value, shared))
        {
            writer.WritePropertyName(name);
            if (value is null)
            {
                writer.WriteValue(0);
            }
            else
            {
                value.WriteTo(writer);
            }
        }
    }

    private static void WriteStringOrNone(JsonWriter writer, string name, string? value)
    {
        writer.WritePropertyName(name);
        if (value is null)
        {
            writer.WriteValue(0);
        }
        else
        {
            writer.WriteValue(value);
        }
    }

    // An account or conversation as its snapshot has it; null when absent or empty.
    private static JToken? Json(object? value, FlatJsonContract? contract) =>
        value is null ? null
        : contract is not null && contract.TryToJson(value, out var json) ? json
        : TranscriptTurnCodec.Present(JToken.FromObject(value, Serializer));

    private static void SetIfNotNull(JObject target, string name, JToken? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }

    private static void SetIfNotNull(JObject target, string name, string? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }

    private static bool HasExactly(Type type, params string[] names) =>
        Serializer.ContractResolver.ResolveContract(type) is JsonObjectContract { Converter: null, ExtensionDataGetter: null } contract
        && contract.Properties.Where(p => !p.Ignored).Select(p => p.PropertyName).Order(StringComparer.Ordinal).SequenceEqual(names.Order(StringComparer.Ordinal))
        && contract.Properties.All(p => p.Converter is null && p.ShouldSerialize is null && p.GetIsSpecified is null && p.NullValueHandling is null && p.DefaultValueHandling is null);

    private static Field[]? FieldsOf(JsonObjectContract? contract)
    {
        if (contract is null || contract.Converter is not null)
        {
            return null;
        }

        var fields = new List<Field>();
        foreach (var property in contract.Properties)
        {
            if (property.Ignored || !property.Readable)
            {
                continue;
            }

            // Anything that makes the serializer write a field other than as its plain value is left to the snapshot.
            if (property.Converter is not null || property.ItemConverter is not null || property.ShouldSerialize is not null || property.GetIsSpecified is not null
                || property.NullValueHandling is not null || property.DefaultValueHandling is not null || property.ValueProvider is null
                || property.PropertyName is null)
            {
                return null;
            }

            if (TranscriptTurnCodec.Handled.Contains(property.PropertyName))
            {
                continue;
            }

            var shortName = TranscriptTurnCodec.ShortByName.GetValueOrDefault(property.PropertyName);
            var codes = TranscriptTurnCodec.CodedValues.GetValueOrDefault(property.PropertyName);
            fields.Add(new Field(property.PropertyName, shortName, codes, property.ValueProvider));
        }

        return [.. fields];
    }

    /// <summary>A serialized field of Activity: its JSON name, its short name in the format (none: kept under "+"), its coded values.</summary>
    private sealed record Field(string Name, string? ShortName, string[]? Codes, IValueProvider Value);
}
