using System.Net;
using HelpBot.AgentDesk.Evidence;
using HelpBot.AgentDesk.Tests.Infrastructure;
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
