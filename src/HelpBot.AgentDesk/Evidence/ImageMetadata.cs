using System.Buffers.Binary;

namespace HelpBot.AgentDesk.Evidence;

/// <summary>
/// Removes metadata from screenshots before they are stored: customers' photos can carry their location (EXIF GPS),
/// device and time, none of which an agent needs. Works on the container, not the pixels, so the image is unchanged:
/// JPEG loses APP1 (EXIF, XMP), APP13 (IPTC) and comments; PNG loses eXIf, tEXt, zTXt, iTXt and tIME chunks; WebP loses
/// EXIF and XMP chunks (and their VP8X flags). A file whose structure does not parse is refused (null), which also keeps
/// out files that only start like an image.
/// </summary>
public static class ImageMetadata
{
    public static byte[]? Strip(string contentType, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return contentType switch
        {
            "image/jpeg" => StripJpeg(content),
            "image/png" => StripPng(content),
            "image/webp" => StripWebP(content),
            _ => null,
        };
    }

    private static byte[]? StripJpeg(byte[] data)
    {
        if (data.Length < 4 || data[0] != 0xFF || data[1] != 0xD8)
        {
            return null;
        }

        using var output = new MemoryStream(data.Length);
        output.Write(data, 0, 2);
        var i = 2;
        while (i < data.Length)
        {
            if (data[i] != 0xFF)
            {
                return null;
            }

            // Any number of 0xFF fill bytes may precede a marker.
            while (i < data.Length && data[i] == 0xFF)
            {
                i++;
            }

            if (i >= data.Length)
            {
                return null;
            }

            var marker = data[i++];
            if (marker == 0xD9)
            {
                output.Write([0xFF, 0xD9]);
                return output.ToArray();
            }

            if (marker is >= 0xD0 and <= 0xD7 or 0x01)
            {
                output.Write([0xFF, marker]);
                continue;
            }

            if (i + 2 > data.Length)
            {
                return null;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(i, 2));
            if (length < 2 || i + length > data.Length)
            {
                return null;
            }

            if (marker == 0xDA)
            {
                // Start of scan: the entropy-coded image follows; everything from here on is image data.
                output.Write([0xFF, marker]);
                output.Write(data, i, data.Length - i);
                return output.ToArray();
            }

            var isMetadata = marker is 0xE1 or 0xED or 0xFE;
            if (!isMetadata)
            {
                output.Write([0xFF, marker]);
                output.Write(data, i, length);
            }

            i += length;
        }

        return null;
    }

    private static readonly HashSet<string> PngMetadataChunks = new(StringComparer.Ordinal) { "eXIf", "tEXt", "zTXt", "iTXt", "tIME" };

    private static byte[]? StripPng(byte[] data)
    {
        const int signature = 8;
        if (data.Length < signature)
        {
            return null;
        }

        using var output = new MemoryStream(data.Length);
        output.Write(data, 0, signature);
        var i = signature;
        while (i + 12 <= data.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(i, 4));
            if (length > int.MaxValue - 12 || i + 12 + (int)length > data.Length)
            {
                return null;
            }

            var type = System.Text.Encoding.ASCII.GetString(data, i + 4, 4);
            var total = 12 + (int)length;
            if (!PngMetadataChunks.Contains(type))
            {
                output.Write(data, i, total);
            }

            i += total;
            if (type == "IEND")
            {
                return output.ToArray();
            }
        }

        return null;
    }

    private static byte[]? StripWebP(byte[] data)
    {
        if (data.Length < 12)
        {
            return null;
        }

        using var output = new MemoryStream(data.Length);
        output.Write(data, 0, 12);
        var i = 12;
        var vp8xFlagsAt = -1;
        while (i + 8 <= data.Length)
        {
            var fourCc = System.Text.Encoding.ASCII.GetString(data, i, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(i + 4, 4));
            var padded = (long)size + (size & 1);
            if (i + 8 + padded > data.Length)
            {
                return null;
            }

            if (fourCc is not ("EXIF" or "XMP "))
            {
                if (fourCc == "VP8X" && size >= 1)
                {
                    vp8xFlagsAt = (int)output.Position + 8;
                }

                output.Write(data, i, 8 + (int)padded);
            }

            i += 8 + (int)padded;
        }

        if (i != data.Length)
        {
            return null;
        }

        var result = output.ToArray();
        if (vp8xFlagsAt >= 0)
        {
            // VP8X flags: bit 3 = EXIF present, bit 2 = XMP present.
            result[vp8xFlagsAt] &= unchecked((byte)~0x0C);
        }

        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(4, 4), (uint)(result.Length - 8));
        return result;
    }
}
