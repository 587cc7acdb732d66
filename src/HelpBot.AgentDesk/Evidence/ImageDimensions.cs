using System.Buffers.Binary;

namespace HelpBot.AgentDesk.Evidence;

/// <summary>
/// Width and height as a PNG, JPEG or WebP declares them in its header, read without decoding: a file of a few
/// kilobytes can declare 30000x30000 pixels, which would take gigabytes in an agent's browser once decoded.
/// </summary>
public readonly record struct ImageDimensions(long Width, long Height)
{
    public long Pixels => Width * Height;

    /// <summary>The declared size, or null when the header does not say (then the file is not accepted as an image).</summary>
    public static ImageDimensions? Read(string contentType, ReadOnlySpan<byte> content) => contentType switch
    {
        "image/png" => Png(content),
        "image/jpeg" => Jpeg(content),
        "image/webp" => WebP(content),
        _ => null,
    };

    // IHDR is the first chunk: length, "IHDR", width, height (big-endian).
    private static ImageDimensions? Png(ReadOnlySpan<byte> data) =>
        data.Length >= 24 && data[12..16].SequenceEqual("IHDR"u8)
            ? new ImageDimensions(BinaryPrimitives.ReadUInt32BigEndian(data[16..20]), BinaryPrimitives.ReadUInt32BigEndian(data[20..24]))
            : null;

    // The frame header (SOF0-SOF15 without DHT, JPG and DAC) comes before the first scan: precision, height, width.
    private static ImageDimensions? Jpeg(ReadOnlySpan<byte> data)
    {
        var i = 2;
        while (i + 4 <= data.Length && data[i] == 0xFF)
        {
            var marker = data[i + 1];
            if (marker == 0xFF)
            {
                i++;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(i + 2, 2));
            if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
            {
                return length >= 7 && i + 9 <= data.Length
                    ? new ImageDimensions(BinaryPrimitives.ReadUInt16BigEndian(data.Slice(i + 7, 2)), BinaryPrimitives.ReadUInt16BigEndian(data.Slice(i + 5, 2)))
                    : null;
            }

            if (marker == 0xDA || length < 2)
            {
                return null;
            }

            i += 2 + length;
        }

        return null;
    }

    // The first chunk: VP8X (canvas size, 24-bit minus one), VP8 (key frame: 14-bit width and height) or VP8L
    // (14-bit width and height minus one).
    private static ImageDimensions? WebP(ReadOnlySpan<byte> data)
    {
        if (data.Length < 20)
        {
            return null;
        }

        var chunk = data[12..];
        var payload = chunk[8..];
        if (chunk[..4].SequenceEqual("VP8X"u8) && payload.Length >= 10)
        {
            return new ImageDimensions(1 + Read24(payload[4..7]), 1 + Read24(payload[7..10]));
        }

        if (chunk[..4].SequenceEqual("VP8 "u8) && payload.Length >= 10 && payload[3..6].SequenceEqual((ReadOnlySpan<byte>)[0x9D, 0x01, 0x2A]))
        {
            return new ImageDimensions(BinaryPrimitives.ReadUInt16LittleEndian(payload[6..8]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(payload[8..10]) & 0x3FFF);
        }

        if (chunk[..4].SequenceEqual("VP8L"u8) && payload.Length >= 5 && payload[0] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(payload[1..5]);
            return new ImageDimensions(1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF));
        }

        return null;
    }

    private static long Read24(ReadOnlySpan<byte> bytes) => bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);
}
