using HelpBot.AgentDesk.Transcripts;
using Newtonsoft.Json.Linq;

namespace HelpBot.AgentDesk.Tests.Infrastructure;

/// <summary>
/// One turn encoded both ways: the old path (activity snapshots, then <see cref="TranscriptTurnCodec.Encode"/>) and
/// <see cref="TranscriptTurnEncoder"/> (straight from the activities), and what tells them apart.
/// </summary>
public sealed record EncodedTurnComparison(string ChannelId, string ConversationId, IReadOnlyList<JObject> Snapshots, byte[] OldHeader, byte[] OldTurn, byte[] NewHeader, byte[] NewTurn)
{
    public static EncodedTurnComparison Of(string channelId, string conversationId, IReadOnlyList<JObject> snapshots, TranscriptTurnEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        var (oldHeader, oldTurn) = TranscriptTurnCodec.Encode(channelId, conversationId, snapshots);
        var (newHeader, newTurn) = encoder.Finish();
        return new(channelId, conversationId, snapshots, oldHeader, oldTurn, newHeader, newTurn);
    }

    /// <summary>The old path's activities, decoded.</summary>
    public IReadOnlyList<JObject> OldDecoded => Decode(OldHeader, OldTurn);

    /// <summary>The new path's activities, decoded with the existing decoder.</summary>
    public IReadOnlyList<JObject> NewDecoded => Decode(NewHeader, NewTurn);

    /// <summary>Empty when both paths agree: the same header bytes (the append script compares them), activities that decode to the same JSON, a turn element no larger.</summary>
    public IReadOnlyList<string> Differences()
    {
        var differences = new List<string>();
        if (!OldHeader.AsSpan().SequenceEqual(NewHeader))
        {
            differences.Add($"header: old {Text(OldHeader)}, new {Text(NewHeader)}");
        }

        var (old, @new) = (OldDecoded, NewDecoded);
        if (old.Count != @new.Count)
        {
            differences.Add($"activities: old {old.Count}, new {@new.Count}");
        }

        for (var i = 0; i < Math.Min(old.Count, @new.Count); i++)
        {
            if (!JToken.DeepEquals(old[i], @new[i]))
            {
                differences.Add($"activity {i}: old {old[i].ToString(Newtonsoft.Json.Formatting.None)}, new {@new[i].ToString(Newtonsoft.Json.Formatting.None)}");
            }
        }

        if (NewTurn.Length > OldTurn.Length)
        {
            differences.Add($"turn element: old {OldTurn.Length} bytes, new {NewTurn.Length} bytes");
        }

        return differences;
    }

    private IReadOnlyList<JObject> Decode(byte[] header, byte[] turn) =>
        TranscriptTurnCodec.DecodeTurn(ChannelId, ConversationId, TranscriptTurnCodec.DecodeHeader(header), turn);

    private static string Text(byte[] element) => System.Text.Encoding.UTF8.GetString(element, 1, element.Length - 1);
}
