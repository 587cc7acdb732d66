namespace HelpBot.AgentDesk.Tests.Infrastructure;

public static class TestImages
{
    /// <summary>A valid 1x1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public static string PngDataUrl => "data:image/png;base64," + Convert.ToBase64String(Png);

    /// <summary>A minimal well-formed 1x1 JPEG: SOI, APP0 (JFIF), optional metadata segments, SOF0, SOS with a few data bytes, EOI.</summary>
    public static byte[] Jpeg(params byte[][] extraSegments) => Jpeg(1, 1, extraSegments);

    /// <summary>The same with the frame header declaring <paramref name="width"/> x <paramref name="height"/> pixels.</summary>
    public static byte[] Jpeg(ushort width, ushort height, params byte[][] extraSegments)
    {
        byte[] app0 = [0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8.ToArray(), 1, 1, 0, 0, 1, 0, 1, 0, 0];
        byte[] sof0 = [0xFF, 0xC0, 0x00, 0x0B, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x01, 0x01, 0x11, 0x00];
        byte[] sos = [0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x12, 0x34, 0x56, 0xFF, 0x00, 0x78];
        return [0xFF, 0xD8, .. app0, .. extraSegments.SelectMany(s => s), .. sof0, .. sos, 0xFF, 0xD9];
    }

    /// <summary>
    /// A PNG whose header declares <paramref name="width"/> x <paramref name="height"/> pixels, with a tiny IDAT: the
    /// few hundred bytes that become gigabytes when a browser decodes them.
    /// </summary>
    public static byte[] PngDeclaring(uint width, uint height)
    {
        static byte[] Chunk(string type, byte[] data) =>
            [(byte)(data.Length >> 24), (byte)(data.Length >> 16), (byte)(data.Length >> 8), (byte)data.Length, .. System.Text.Encoding.ASCII.GetBytes(type), .. data, 0, 0, 0, 0];
        byte[] ihdr = [(byte)(width >> 24), (byte)(width >> 16), (byte)(width >> 8), (byte)width, (byte)(height >> 24), (byte)(height >> 16), (byte)(height >> 8), (byte)height, 8, 6, 0, 0, 0];
        return [.. Png[..8], .. Chunk("IHDR", ihdr), .. Chunk("IDAT", [0x78, 0xDA, 0xED, 0xC1, 0x01, 0x0D, 0x00, 0x00]), .. Chunk("IEND", [])];
    }

    /// <summary>A JPEG segment with marker <paramref name="marker"/> and <paramref name="payload"/>.</summary>
    public static byte[] JpegSegment(byte marker, byte[] payload) =>
        [0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)((payload.Length + 2) & 0xFF), .. payload];

    /// <summary>A minimal well-formed WebP (RIFF) with a VP8X header, a VP8 chunk and the given extra chunks.</summary>
    public static byte[] WebP(byte vp8xFlags, params (string FourCc, byte[] Data)[] chunks)
    {
        var body = new List<byte>("WEBP"u8.ToArray());
        void Chunk(string fourCc, byte[] data)
        {
            body.AddRange(System.Text.Encoding.ASCII.GetBytes(fourCc));
            body.AddRange(BitConverter.GetBytes((uint)data.Length));
            body.AddRange(data);
            if (data.Length % 2 == 1)
            {
                body.Add(0);
            }
        }

        Chunk("VP8X", [vp8xFlags, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        Chunk("VP8 ", [1, 2, 3, 4]);
        foreach (var (fourCc, data) in chunks)
        {
            Chunk(fourCc, data);
        }

        return [.. "RIFF"u8.ToArray(), .. BitConverter.GetBytes((uint)body.Count), .. body];
    }
}
