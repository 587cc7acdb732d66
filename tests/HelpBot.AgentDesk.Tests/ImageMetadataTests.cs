using System.Buffers.Binary;
using HelpBot.AgentDesk.Evidence;
using HelpBot.AgentDesk.Tests.Infrastructure;

namespace HelpBot.AgentDesk.Tests;

public class ImageMetadataTests
{
    private static readonly byte[] ExifWithGps = [.. "Exif\0\0"u8.ToArray(), .. "GPSLatitude 31.2304 GPSLongitude 121.4737"u8.ToArray()];

    [Fact]
    public void Jpeg_loses_exif_xmp_iptc_and_comments_and_keeps_the_image()
    {
        var original = TestImages.Jpeg(
            TestImages.JpegSegment(0xE1, ExifWithGps),
            TestImages.JpegSegment(0xED, "Photoshop 3.0 IPTC"u8.ToArray()),
            TestImages.JpegSegment(0xFE, "taken at home"u8.ToArray()),
            TestImages.JpegSegment(0xE2, "ICC_PROFILE\0"u8.ToArray()));

        var stripped = ImageMetadata.Strip("image/jpeg", original)!;

        Assert.Equal(TestImages.Jpeg(TestImages.JpegSegment(0xE2, "ICC_PROFILE\0"u8.ToArray())), stripped);
        Assert.Equal("image/jpeg", ImageSniffer.ContentType(stripped));
    }

    [Fact]
    public void A_jpeg_with_a_second_embedded_image_keeps_neither_that_image_nor_its_exif()
    {
        // As phones write them: the first image carries an MPF index (APP2) pointing past its EOI, where a second
        // complete JPEG (a preview or depth map) follows with its own EXIF: location and the owner's phone number.
        byte[] secondExif = [.. "Exif\0\0"u8.ToArray(), .. "GPSLatitude 31.2304 GPSLongitude 121.4737 Owner 13800138000"u8.ToArray()];
        var second = TestImages.Jpeg(TestImages.JpegSegment(0xE1, secondExif));
        var first = TestImages.Jpeg(
            TestImages.JpegSegment(0xE1, ExifWithGps),
            TestImages.JpegSegment(0xE2, [.. "MPF\0"u8.ToArray(), .. "II*\0 offset of the second image"u8.ToArray()]));
        byte[] phoneFile = [.. first, .. second];

        var stripped = ImageMetadata.Strip("image/jpeg", phoneFile)!;

        Assert.Equal(TestImages.Jpeg(), stripped);
        var text = System.Text.Encoding.Latin1.GetString(stripped);
        Assert.DoesNotContain("GPS", text, StringComparison.Ordinal);
        Assert.DoesNotContain("13800138000", text, StringComparison.Ordinal);
        Assert.DoesNotContain("MPF", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_progressive_jpeg_keeps_every_scan_and_the_tables_between_them()
    {
        var single = TestImages.Jpeg();
        var eoi = single.Length - 2;
        byte[] dht = [0xFF, 0xC4, 0x00, 0x05, 0x00, 0x00, 0x00];
        byte[] secondScan = [0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x9A, 0xFF, 0xD0, 0xBC];
        byte[] progressive = [.. single[..eoi], .. dht, .. secondScan, 0xFF, 0xD9];

        Assert.Equal(progressive, ImageMetadata.Strip("image/jpeg", progressive));
    }

    [Fact]
    public void Png_loses_text_exif_and_time_chunks_and_keeps_the_image()
    {
        var clean = TestImages.Png;
        var withMetadata = InsertAfterIhdr(clean, Chunk("eXIf", ExifWithGps), Chunk("tEXt", "Comment\0home"u8.ToArray()), Chunk("tIME", [7, 234, 11, 25, 9, 0, 0]));

        var stripped = ImageMetadata.Strip("image/png", withMetadata)!;

        Assert.Equal(clean, stripped);
        Assert.Equal(clean, ImageMetadata.Strip("image/png", clean));
    }

    [Fact]
    public void Png_and_webp_keep_only_the_chunks_that_draw_the_image()
    {
        // A private chunk, or data after the RIFF container, can carry a whole second image with its EXIF.
        var hidden = TestImages.Jpeg(TestImages.JpegSegment(0xE1, ExifWithGps));
        var png = InsertAfterIhdr(TestImages.Png, Chunk("prVt", hidden));
        byte[] webp = [.. TestImages.WebP(0x00, ("JUNK", hidden)), .. hidden];

        Assert.Equal(TestImages.Png, ImageMetadata.Strip("image/png", png));
        Assert.Equal(TestImages.WebP(0x00), ImageMetadata.Strip("image/webp", webp));
    }

    [Theory]
    [InlineData("image/png", 30000, 20000)]
    [InlineData("image/jpeg", 8000, 6000)]
    public void The_declared_size_is_read_from_the_header(string type, int width, int height)
    {
        var image = type == "image/png" ? TestImages.PngDeclaring((uint)width, (uint)height) : TestImages.Jpeg((ushort)width, (ushort)height);

        Assert.Equal(new ImageDimensions(width, height), ImageDimensions.Read(type, image));
    }

    [Fact]
    public void The_declared_size_of_a_webp_is_read_from_vp8x_vp8l_or_vp8()
    {
        static byte[] Riff(string fourCc, byte[] payload) =>
            [.. "RIFF"u8.ToArray(), .. BitConverter.GetBytes((uint)(12 + payload.Length)), .. "WEBP"u8.ToArray(), .. System.Text.Encoding.ASCII.GetBytes(fourCc), .. BitConverter.GetBytes((uint)payload.Length), .. payload];

        // VP8X: 24-bit canvas width and height minus one (30000 x 30000).
        byte[] vp8x = [0, 0, 0, 0, 0x2F, 0x75, 0x00, 0x2F, 0x75, 0x00];
        // VP8L: signature 0x2F, then 14-bit width and height minus one (640 x 480).
        var bits = 639u | (479u << 14);
        byte[] vp8l = [0x2F, .. BitConverter.GetBytes(bits)];
        // VP8 key frame: frame tag, start code 9D 01 2A, 14-bit width and height (320 x 240).
        byte[] vp8 = [0x10, 0x02, 0x00, 0x9D, 0x01, 0x2A, 0x40, 0x01, 0xF0, 0x00];

        Assert.Equal(new ImageDimensions(30000, 30000), ImageDimensions.Read("image/webp", Riff("VP8X", vp8x)));
        Assert.Equal(new ImageDimensions(640, 480), ImageDimensions.Read("image/webp", Riff("VP8L", vp8l)));
        Assert.Equal(new ImageDimensions(320, 240), ImageDimensions.Read("image/webp", Riff("VP8 ", vp8)));
    }

    [Fact]
    public void WebP_loses_exif_and_xmp_chunks_their_flags_and_keeps_a_valid_riff_size()
    {
        var original = TestImages.WebP(0x0C, ("EXIF", ExifWithGps), ("XMP ", "<x:xmpmeta/>"u8.ToArray()));

        var stripped = ImageMetadata.Strip("image/webp", original)!;

        Assert.Equal(TestImages.WebP(0x00), stripped);
        Assert.Equal((uint)(stripped.Length - 8), BinaryPrimitives.ReadUInt32LittleEndian(stripped.AsSpan(4, 4)));
    }

    [Theory]
    [InlineData("image/png")]
    [InlineData("image/jpeg")]
    [InlineData("image/webp")]
    public void A_file_that_only_starts_like_an_image_is_refused(string type)
    {
        var real = type switch { "image/png" => TestImages.Png, "image/jpeg" => TestImages.Jpeg(), _ => TestImages.WebP(0) };
        var truncated = real[..(real.Length / 2)];

        Assert.Null(ImageMetadata.Strip(type, truncated));
        Assert.Null(ImageMetadata.Strip("image/gif", real));
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var typeAndData = (byte[])[.. System.Text.Encoding.ASCII.GetBytes(type), .. data];
        var crc = new byte[4]; // the stripper drops these chunks whole; their CRC is never read
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        return [.. length, .. typeAndData, .. crc];
    }

    private static byte[] InsertAfterIhdr(byte[] png, params byte[][] chunks)
    {
        var ihdrEnd = 8 + 12 + (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(8, 4));
        return [.. png[..ihdrEnd], .. chunks.SelectMany(c => c), .. png[ihdrEnd..]];
    }
}
