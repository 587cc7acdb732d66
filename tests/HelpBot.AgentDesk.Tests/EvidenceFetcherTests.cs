using System.Net;
using HelpBot.AgentDesk.Evidence;
using HelpBot.AgentDesk.Tests.Infrastructure;
using HelpBot.Channels.DirectLine.Configuration;
using HelpBot.Channels.DirectLine.Delivery;
using HelpBot.Hosting;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HelpBot.AgentDesk.Tests;

public sealed class EvidenceFetcherTests
{
    private static EvidenceFetcher Fetcher(params string[] hosts) =>
        new(Options.Create(new AgentDeskOptions { AttachmentHosts = [.. hosts] }), [], NullLogger<EvidenceFetcher>.Instance);

    private static Attachment At(string url) => new() { ContentType = "image/png", ContentUrl = url, Name = "x.png" };

    [Fact]
    public async Task Images_are_recognised_by_their_bytes_not_their_name()
    {
        using var fetcher = Fetcher();
        var jpeg = TestImages.Jpeg();
        var webp = TestImages.WebP(0);
        byte[] gif = [.. "GIF89a"u8.ToArray(), 1, 0, 1, 0];

        Assert.Equal("image/png", (await fetcher.FetchAsync(At(TestImages.PngDataUrl), default)).Image?.ContentType);
        Assert.Equal("image/jpeg", (await fetcher.FetchAsync(At("data:image/png;base64," + Convert.ToBase64String(jpeg)), default)).Image?.ContentType);
        Assert.Equal("image/webp", (await fetcher.FetchAsync(At("data:application/octet-stream;base64," + Convert.ToBase64String(webp)), default)).Image?.ContentType);
        Assert.Equal(EvidenceRejection.NotAnImage, (await fetcher.FetchAsync(At("data:image/png;base64," + Convert.ToBase64String(gif)), default)).Rejection);

        // Starting like an image is not enough: the structure must parse.
        byte[] pngHeaderOnly = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. "<script>alert(1)</script>"u8.ToArray()];
        Assert.Equal(EvidenceRejection.NotAnImage, (await fetcher.FetchAsync(At("data:image/png;base64," + Convert.ToBase64String(pngHeaderOnly)), default)).Rejection);
        Assert.Equal(EvidenceRejection.Unavailable, (await fetcher.FetchAsync(At("data:image/png,not-base64"), default)).Rejection);
        Assert.Equal(EvidenceRejection.Unavailable, (await fetcher.FetchAsync(At("data:image/png;base64,@@@@"), default)).Rejection);
    }

    [Fact]
    public async Task Inline_pictures_over_the_limit_are_refused_before_decoding()
    {
        using var fetcher = Fetcher();
        var big = new byte[(4 * 1024 * 1024) + 1];
        TestImages.Png.CopyTo(big, 0);
        Assert.Equal(EvidenceRejection.TooLarge, (await fetcher.FetchAsync(At("data:image/png;base64," + Convert.ToBase64String(big)), default)).Rejection);
    }

    [Theory]
    [InlineData("http://127.0.0.1/x.png")]
    [InlineData("http://10.1.2.3/x.png")]
    [InlineData("http://192.168.0.10/x.png")]
    [InlineData("http://172.20.0.1/x.png")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]/x.png")]
    [InlineData("http://[fd00::1]/x.png")]
    [InlineData("http://localhost/x.png")]
    public async Task Configured_hosts_that_are_internal_are_refused(string url)
    {
        var uri = new Uri(url);
        using var fetcher = Fetcher(uri.Host, uri.IdnHost, uri.Authority, uri.Host.Trim('[', ']'));
        Assert.Equal(EvidenceRejection.PrivateAddress, (await fetcher.FetchAsync(At(url), default)).Rejection);
    }

    [Theory]
    [InlineData("https://cdn.example.com/x.png")]
    [InlineData("ftp://cdn.example.com/x.png")]
    [InlineData("http://user:pw@cdn.example.com/x.png")]
    [InlineData("/relative/x.png")]
    public async Task Hosts_that_are_not_configured_are_refused(string url)
    {
        using var fetcher = Fetcher("images.example.org");
        Assert.Equal(EvidenceRejection.HostNotAllowed, (await fetcher.FetchAsync(At(url), default)).Rejection);
    }

    [Fact]
    public async Task Pictures_that_declare_more_pixels_than_the_limit_are_refused_before_anyone_decodes_them()
    {
        using var fetcher = Fetcher();
        var hugePng = TestImages.PngDeclaring(30000, 30000);
        var hugeJpeg = TestImages.Jpeg(30000, 30000);

        Assert.True(hugePng.Length < 100);
        Assert.Equal(EvidenceRejection.TooManyPixels, (await fetcher.FetchAsync(At("data:image/png;base64," + Convert.ToBase64String(hugePng)), default)).Rejection);
        Assert.Equal(EvidenceRejection.TooManyPixels, (await fetcher.FetchAsync(At("data:image/jpeg;base64," + Convert.ToBase64String(hugeJpeg)), default)).Rejection);
        // A phone photo of 8000 x 6000 (48 MP) is still taken.
        Assert.Equal(EvidenceRejection.None, (await fetcher.FetchAsync(At("data:image/jpeg;base64," + Convert.ToBase64String(TestImages.Jpeg(8000, 6000))), default)).Rejection);
    }

    [Fact]
    public async Task The_download_limit_covers_the_whole_body_so_a_dripping_host_cannot_hold_the_turn()
    {
        await using var channel = await ChannelRecorder.StartAsync();
        using var fetcher = new EvidenceFetcher(
            Options.Create(new AgentDeskOptions { ChannelAttachmentBaseUrls = [new Uri(channel.BaseUrl, "files/")], DownloadTimeout = TimeSpan.FromSeconds(1) }),
            [],
            NullLogger<EvidenceFetcher>.Instance);

        // The host sends its headers at once and then a byte every 100 ms for ever; the bounded wait is for the result.
        var result = await fetcher.FetchAsync(At(new Uri(channel.BaseUrl, "files/drip.png").AbsoluteUri), default).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(EvidenceRejection.Unavailable, result.Rejection);
    }

    [Fact]
    public async Task Of_the_bots_own_origin_only_the_direct_line_attachments_path_is_trusted()
    {
        // The recorder plays the bot's own origin, as the embedded Direct Line's serviceUrl names it.
        await using var channel = await ChannelRecorder.StartAsync();
        var urls = new DirectLineChannelUrls(null!, Options.Create(new DirectLineOptions { ServiceUrl = new Uri(channel.BaseUrl, "v3/directline/bot/") }));
        using var fetcher = new EvidenceFetcher(Options.Create(new AgentDeskOptions()), [new DirectLineAttachmentHostSource(urls)], NullLogger<EvidenceFetcher>.Instance);
        async Task<EvidenceRejection> Fetch(string path) => (await fetcher.FetchAsync(At(new Uri(channel.BaseUrl, path).AbsoluteUri), default)).Rejection;

        Assert.Equal(EvidenceRejection.None, await Fetch("directline/attachments/a1b2c3"));
        // The same origin outside that path (the bot's API, the agent desk, anything else it serves) is not.
        Assert.Equal(EvidenceRejection.HostNotAllowed, await Fetch("files/small.png"));
        Assert.Equal(EvidenceRejection.HostNotAllowed, await Fetch("directline/attachments/%2e%2e/%2e%2e/files/small.png"));
        Assert.Equal(EvidenceRejection.HostNotAllowed, await Fetch("directline/attachments/..%2f..%2ffiles%2fsmall.png"));
        Assert.Equal(EvidenceRejection.HostNotAllowed, await Fetch("directline/attachments/"));
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("2001:4860:4860::8888", true)]
    public void Only_public_addresses_count_as_public(string address, bool expected) =>
        Assert.Equal(expected, NetworkAddresses.IsPublic(IPAddress.Parse(address)));
}
