using HelpBot.AgentDesk.Tests.Infrastructure;
using HelpBot.AgentDesk.Transcripts.Redis;
using Newtonsoft.Json.Linq;

namespace HelpBot.AgentDesk.Tests;

/// <summary>The compact list elements of RedisTranscriptStore: elements already in Redis are read, and turns round-trip.</summary>
public sealed class TranscriptFormatTests
{
    private const string ConversationId = "a:1sample";

    // Written by the previous writers (before TranscriptFields) for TranscriptSamples.Turn(ConversationId, 3): the
    // header, the turn with Brotli, the same turn as plain JSON; and turn 4 in en-US with its own header.
    private static readonly byte[] OldHeader = Convert.FromBase64String("A3sicyI6Imh0dHBzOi8vc21iYS50cmFmZmljbWFuYWdlci5uZXQvYXBhYy8iLCJjIjp7ImlzR3JvdXAiOmZhbHNlLCJjb252ZXJzYXRpb25UeXBlIjoicGVyc29uYWwiLCJpZCI6ImE6MXNhbXBsZSIsInRlbmFudElkIjoidC0xIn0sInUiOnsiaWQiOiIyOTp1c2VyLTEiLCJuYW1lIjoi546L5bCP5piOIiwiYWFkT2JqZWN0SWQiOiJhYWQtMDAwMSIsInJvbGUiOiJ1c2VyIiwidGVuYW50SWQiOiJ0LTEifSwiYiI6eyJpZCI6IjI4OmJvdCIsIm5hbWUiOiJIZWxwQm90Iiwicm9sZSI6ImJvdCJ9LCJsIjoiemgtQ04ifQ==");
    private static readonly byte[] OldBrotliTurn = Convert.FromBase64String("AqKcAID4fDp1WvV+N7+TOHRjs7c8BWUKyTIpYQWZprHxCabUf/5+6scCGpCe++4aHy3S7v9WvEj9QIvi4TASE2gkA5uqynYh3om2Wxrbca6BuNsICzRbzVNlWZYVVTogyMPQQQsaUQmKJun9TRUEhgUqERhxUC1XIqgDhXt4qDqHa5+P85mH2cx9tz9+VnYlZ3Hfhz/gvON1NjTFRm44JVuWFU06Dmnc/5XZFRDoVsiW75cHemVQ/EmyiJgwy0Bmy39Ths2gjlmRRaHCJC8nPo+TF64pmHrsNj6nd58tPI+7dhFBJFLeCqE4A//IrhEP6caM21DO538LeqDatFL1oMj/dn0iFAaViKmb1qdfKsKgsHgZNrldiDZCTyRofhwUuYIiyLBtmzSiAhSpSMKo5wEVC1TNAr2hEaRfQXhPh+7DnOkrX3wVpADu+RY7HfEn7rn3G45NdbPj69ZTyNweDe/0RZKkHBDg68tBEWnEpjhpcA8QNcEvRAAib2XLXRygqAgChfSKMeknNi0SmUOCbdFYYpNf9VBVxOq/o9ETpk5E6ixQaCDQav7PaKe1vDPdiNIRUM22STGtaF7WoQ4E8uissZcCgc/Heefw2V+7YzfnTt9G5ql7eSedHvlobS80C03v5KbhBPyeIbY51DJf+HwcdC8e3IeVzOM8W9zlZK7dP866u7yefda/67e2soXlj9Z2EJSDKpAQw2hqqKdFDFBF6G2F2awxw4LHw8+zgqNsCOWRVLwECGZGtJesIyBIVwcX/s3dHnEe1tjCkf/Q6XZO+7dr7tmFv3VEQSdRlUDgPWPpcomriNG5NRuZdq57xdM+JXaRbRfBgUIiT1LC5w0XCQxDyaZ2wq4vfMRIR+6JZOnRJSOd1RBwYrEw2HMvezkwjSz6/D5elnlF+yNLVDqhIlF6XkhPR35ppmAX2Q==");
    private static readonly byte[] OldPlainTurn = Convert.FromBase64String("AXsidCI6NjM5MzExMTEyMzAxMjMwMDAwLCJhIjpbeyJqIjoifDAwMDAwMDMiLCJsdCI6MCwibG8iOjQ4MCwieCI6IuesrDPmrKHvvJrku5jkuobpkrHmmL7npLrmnKrmlK/ku5gg6K6i5Y2V5Y+3IDI2MTEyNDAwMDAwMDAwMDQg8J+YnyIsImF0IjpbeyJjb250ZW50VHlwZSI6ImltYWdlL3BuZyIsImNvbnRlbnRVcmwiOiJodHRwczovL2V4YW1wbGUuaW52YWxpZC9zaG90LnBuZyIsIm5hbWUiOiLmiKrlm74ucG5nIn1dLCJlIjpbeyJ0eXBlIjoiY2xpZW50SW5mbyIsImxvY2FsZSI6InpoLUNOIiwiY291bnRyeSI6IkNOIn1dLCJjZCI6eyJ0ZW5hbnQiOnsiaWQiOiJ0LTEifSwiY2xpZW50SW5mbyI6eyJhcHBWZXJzaW9uIjoiOC4yLjEifX19LHsiaSI6InJlcGx5LTMiLCJ0IjozNTAxMjM0LCJzYSI6WyLovaznu5nlrqLmnI3lpITnkIYiLFsi57Kl5bCP6ZO6IMK3IOWVhuWutuWHhuWkh+S4rSDCtyAjMDAwNyIsIjI2MTEyNDAwMDAwMDAwMDciXSx7Im8iOnsidHlwZSI6Im9wZW5VcmwiLCJ0aXRsZSI6Iuafpeeci+iuouWNlSIsInZhbHVlIjoiaHR0cHM6Ly9leGFtcGxlLmludmFsaWQvb3JkZXJzLzI2MTEyNDAwMDAwMDAwMDQifX0seyJvIjp7InR5cGUiOiJtZXNzYWdlQmFjayIsInRpdGxlIjoi4q2Q4q2Q4q2Q4q2QIiwidGV4dCI6IjQiLCJkaXNwbGF5VGV4dCI6IuKtkOKtkOKtkOKtkCIsInZhbHVlIjp7InJhdGluZyI6NH19fV0sInRmIjoxLCJ4IjoiKirorqLljZUgMjYxMTI0MDAwMDAwMDAwNCoq77ya5qy+6aG55bey5omj5L2G6K6i5Y2V5pi+56S65pyq5pSv5LuY44CCXG5cbuivt+S4jeimgemHjeWkjeS7mOasvu+8jOezu+e7n+S8muWcqCAxIOWwj+aXtuWGheiHquWKqOmAgOWbnuOAgiIsImgiOjJ9LHsidCI6MzUxMDAwMCwiYWwiOjIsImF0IjpbeyJjb250ZW50VHlwZSI6ImFwcGxpY2F0aW9uL3ZuZC5taWNyb3NvZnQuY2FyZC5oZXJvIiwiY29udGVudCI6eyJ0aXRsZSI6IuiuouWNlSAyNjExMjQwMDAwMDAwMDA0Iiwic3VidGl0bGUiOiLnpo/mu6Hlm63pu4TnhJbpuKHnsbPppa0iLCJ0ZXh0Ijoi5ZWG5a625YeG5aSH5LitIiwiYnV0dG9ucyI6W3sidHlwZSI6ImltQmFjayIsInRpdGxlIjoi5Y+W5raI6K6i5Y2VIiwidmFsdWUiOiLlj5bmtojorqLljZUifV19fV19LHsieSI6ImV2ZW50IiwidCI6NDAwMDAwMCwibCI6MCwicnQiOiJzb21lb25lLWVsc2UiLCJ2Ijp7InN0YXJzIjo0LCJjb21tZW50Ijoi5b6I5b+rIiwiYXQiOiIyMDI2LTExLTI0VDEwOjAwOjAwIn0sIm4iOiJjYXNlUmF0aW5nIn1dfQ==");
    private static readonly byte[] OldSelfContainedTurn = Convert.FromBase64String("BAAAASQDeyJzIjoiaHR0cHM6Ly9zbWJhLnRyYWZmaWNtYW5hZ2VyLm5ldC9hcGFjLyIsImMiOnsiaXNHcm91cCI6ZmFsc2UsImNvbnZlcnNhdGlvblR5cGUiOiJwZXJzb25hbCIsImlkIjoiYToxc2FtcGxlIiwidGVuYW50SWQiOiJ0LTEifSwidSI6eyJpZCI6IjI5OnVzZXItMSIsIm5hbWUiOiLnjovlsI/mmI4iLCJhYWRPYmplY3RJZCI6ImFhZC0wMDAxIiwicm9sZSI6InVzZXIiLCJ0ZW5hbnRJZCI6InQtMSJ9LCJiIjp7ImlkIjoiMjg6Ym90IiwibmFtZSI6IkhlbHBCb3QiLCJyb2xlIjoiYm90In0sImwiOiJlbi1VUyJ9AqKcAID4fHOZsnm/bt8kXBp554FUMQuY5QKlyKTkdSegelZNZyMTEAqh7P4fqfIVpbpPVNWUaiMUpWkksnSXeSFRBuFQVRk8iHei7ZbGdpxrIJ42ogq0QC1WZVmWFU16OGoxfiDQQUsaEQVFk/T+pgYCowpUIjCSoFqRRFAHCvvwULMO1z4f53MPs7n7bnf8rOxq1uK+D1/mnON1NjTFRm44pSBS+XlJ4/6vzK6AQK8K2fP98kCvDoo/SZYSU4kQyGz9b8awGdQxKbIqRBLkueL9OJ5wTiWhxy8TsXr32cLzuG+WEQQieVUhOGfgH9l1kj7dmPEDCf7v76AXqhNVmXpQfP12fsnnB5WBhJ6o+vRLxA+KKl6GSS6XoI3QUyma84OiSFAEGaZpkkZEQJEJpIx6HlBZBarmg97RCLKvOJynQ/thzvS5L6qClMA+32KnI+7EPfd+w7GpbnZ83Xoquduj4ZPyJEkqBAG+kUKUkUZsipIG9wBREPxCBCAKVrbsxQGKqiBQyKgYM/1kZkUiXSTYF40ktvhF98UiNv8djR4wFQrUVYECDtKq92d00FramWhE6UhQzTRJ0auCnqxD4fHkMVhjSh7P5+O8dfjsrt2xm3OrbyP31L18kE6vfLS2lyZKE87JTcOJuT1DbHOoZSp8Pg7aFw/2w0rucZ4t7nIy1+7zs+4up2ef9e+6ra1sYfmjtR0EYVAFEsYwmhrqaRMDVBF6X2F2axJ+wePh547gKAdCOJBJlgCDmRAdJesUCLLV3oV/s7dHrIc1tnDkPnTandPu7Zp9duFuHVEwSFQ1EHjPXLZcsiJxOo9mI9PWda94+qekWWaaZXCgkJgnceHThqsEhqE4mZ2Q60s+YGQD10Sy7NYlLetoCBTj8STYcy97OTANB33+HC/LvKL9kSUqHVCRKL3Ap2cDvzRTMctM");

    [Fact]
    public void Elements_written_before_are_read_as_the_activities_they_were()
    {
        var header = TranscriptFormat.DecodeHeader(OldHeader);
        var expected = TranscriptSamples.Turn(ConversationId, 3).Select(TranscriptSamples.Comparable).ToList();

        Assert.Equal(TranscriptFormat.TurnFormatBrotli, OldBrotliTurn[0]);
        Assert.Equal(expected, TranscriptFormat.DecodeTurn(TranscriptSamples.Channel, ConversationId, header, OldBrotliTurn).Select(TranscriptSamples.Comparable));
        Assert.Equal(TranscriptFormat.TurnFormat, OldPlainTurn[0]);
        Assert.Equal(expected, TranscriptFormat.DecodeTurn(TranscriptSamples.Channel, ConversationId, header, OldPlainTurn).Select(TranscriptSamples.Comparable));
        Assert.Equal(
            TranscriptSamples.Turn(ConversationId, 4, "en-US").Select(TranscriptSamples.Comparable),
            TranscriptFormat.DecodeTurn(TranscriptSamples.Channel, ConversationId, header, OldSelfContainedTurn).Select(TranscriptSamples.Comparable));
    }

    [Fact]
    public void The_header_is_written_as_before()
    {
        // The append script compares a turn's header with the list's first element byte for byte.
        var (header, _) = TranscriptFormat.Encode(TranscriptSamples.Channel, ConversationId, TranscriptSamples.Turn(ConversationId, 3));

        Assert.Equal(OldHeader, header);
    }

    [Theory]
    [InlineData(0, "zh-CN")]
    [InlineData(1, "zh-CN")]
    [InlineData(2, "en-US")]
    [InlineData(5, "zh-CN")]
    public void A_turn_reads_back_as_it_was_written(int index, string locale)
    {
        var activities = TranscriptSamples.Turn(ConversationId, index, locale);
        var (header, turn) = TranscriptFormat.Encode(TranscriptSamples.Channel, ConversationId, activities);

        var decoded = TranscriptFormat.DecodeTurn(TranscriptSamples.Channel, ConversationId, TranscriptFormat.DecodeHeader(header), turn);
        var selfContained = TranscriptFormat.DecodeTurn(TranscriptSamples.Channel, "other", null, TranscriptFormat.SelfContained(header, turn));

        Assert.Equal(activities.Select(TranscriptSamples.Comparable), decoded.Select(TranscriptSamples.Comparable));
        Assert.Equal(activities.Count, selfContained.Count);
    }

    [Fact]
    public void A_field_outside_the_table_is_kept_as_it_is()
    {
        var activities = TranscriptSamples.Turn(ConversationId, 0).Select(a => (JObject)a.DeepClone()).ToList();
        activities[1]["importance"] = "high";
        activities[1]["expiration"] = "2026-12-01T00:00:00Z";

        var (header, turn) = TranscriptFormat.Encode(TranscriptSamples.Channel, ConversationId, activities);
        var decoded = TranscriptFormat.DecodeTurn(TranscriptSamples.Channel, ConversationId, TranscriptFormat.DecodeHeader(header), turn);

        Assert.Equal("high", (string?)decoded[1]["importance"]);
        Assert.Equal("2026-12-01T00:00:00Z", (string?)decoded[1]["expiration"]);
    }

    [Fact]
    public void Every_short_name_is_used_once()
    {
        var names = TranscriptFields.All
            .SelectMany(f => new[] { f.ShortName, f.OffsetName, f.SuffixName })
            .OfType<string>()
            .Append(TranscriptFields.Others)
            .ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(TranscriptFields.All.Count, TranscriptFields.Names.Count);
    }
}
