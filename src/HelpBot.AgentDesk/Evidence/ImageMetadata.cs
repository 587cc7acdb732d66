using System.Buffers.Binary;

namespace HelpBot.AgentDesk.Evidence;

/// <summary>
/// Removes metadata from screenshots before they are stored: customers' photos can carry their location (EXIF GPS),
/// device and time, none of which an agent needs. Works on the container, not the pixels, so the image is unchanged:
/// JPEG keeps only its first image (what phones embed after it, each image with its own EXIF, is dropped) and loses
/// APP1 (EXIF, XMP), APP13 (IPTC), the MPF index, other APPn maker data and comments; PNG keeps only the chunks that
/// draw the image (eXIf, tEXt, zTXt, iTXt, tIME and private chunks go); WebP keeps only its image chunks (EXIF, XMP and
/// unknown chunks go, with their VP8X flags, and so does anything after the RIFF container). A file whose structure
/// does not parse is refused (null), which also keeps out files that only start like an image.
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
                // End of the first image. Phones append more after it (an MPF depth map or preview, a second full
                // image), each with its own EXIF and GPS: none of it is kept.
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
                // Start of scan: the header, then entropy-coded data up to the next marker (a progressive JPEG has
                // several scans with tables between them). Only the scan is copied as it is, never what follows EOI.
                var end = EndOfScan(data, i + length);
                if (end < 0)
                {
                    return null;
                }

                output.Write([0xFF, marker]);
                output.Write(data, i, end - i);
                i = end;
                continue;
            }

            var isMetadata = IsJpegMetadata(marker, data.AsSpan(i + 2, length - 2));
            if (!isMetadata)
            {
                output.Write([0xFF, marker]);
                output.Write(data, i, length);
            }

            i += length;
        }

        return null;
    }

    // Kept: APP0 (JFIF), APP2 with an ICC colour profile, APP14 (Adobe colour transform) and every non-APP segment
    // (tables, frame header). Dropped: APP1 (EXIF, XMP), other APP2 (MPF index of embedded images, FlashPix),
    // APP3-APP13 and APP15 (maker data, IPTC), comments.
    private static bool IsJpegMetadata(byte marker, ReadOnlySpan<byte> payload) => marker switch
    {
        0xFE => true,
        0xE0 or 0xEE => false,
        0xE2 => !payload.StartsWith("ICC_PROFILE\0"u8),
        >= 0xE1 and <= 0xEF => true,
        >= 0xF0 and <= 0xFD => true, // JPEG extensions: no decoder needs them
        _ => false,
    };

    /// <summary>Where the entropy-coded data that starts at <paramref name="start"/> ends: the 0xFF of the next marker, or -1.</summary>
    private static int EndOfScan(byte[] data, int start)
    {
        for (var i = start; i + 1 < data.Length; i++)
        {
            if (data[i] != 0xFF)
            {
                continue;
            }

            var next = data[i + 1];
            // 0xFF00 is an escaped data byte and 0xFFD0-D7 restart markers: part of the scan. A fill byte (0xFFFF) is
            // looked at again as the start of a marker.
            if (next == 0x00 || next is >= 0xD0 and <= 0xD7)
            {
                i++;
                continue;
            }

            if (next == 0xFF)
            {
                continue;
            }

            return i;
        }

        return -1;
    }

    // Kept: what draws the image (APNG frames included). Everything else goes: eXIf, tEXt, zTXt, iTXt, tIME and any
    // private or unknown chunk, which could carry anything (a second image with its EXIF, say).
    private static readonly HashSet<string> PngImageChunks = new(StringComparer.Ordinal)
    {
        "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "cICP", "mDCv", "cLLi", "sBIT", "bKGD", "hIST", "sPLT", "pHYs",
        "acTL", "fcTL", "fdAT",
    };

    // The same for WebP: the bitstreams, alpha, animation and the colour profile.
    private static readonly HashSet<string> WebPImageChunks = new(StringComparer.Ordinal) { "VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP" };

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
            if (PngImageChunks.Contains(type))
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

        // The RIFF size says where the image ends; anything appended after it is not kept.
        var end = 8L + BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(4, 4));
        if (end > data.Length)
        {
            return null;
        }

        using var output = new MemoryStream(data.Length);
        output.Write(data, 0, 12);
        var i = 12;
        var vp8xFlagsAt = -1;
        while (i + 8 <= end)
        {
            var fourCc = System.Text.Encoding.ASCII.GetString(data, i, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(i + 4, 4));
            var padded = (long)size + (size & 1);
            if (i + 8 + padded > end)
            {
                return null;
            }

            if (WebPImageChunks.Contains(fourCc))
            {
                if (fourCc == "VP8X" && size >= 1)
                {
                    vp8xFlagsAt = (int)output.Position + 8;
                }

                output.Write(data, i, 8 + (int)padded);
            }

            i += 8 + (int)padded;
        }

        if (i != end)
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
