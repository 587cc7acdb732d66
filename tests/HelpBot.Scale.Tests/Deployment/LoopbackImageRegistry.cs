using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HelpBot.Scale.Tests.Deployment;

/// <summary>
/// The read side of an OCI distribution registry (GET/HEAD /v2/, manifests, blobs) on loopback, holding one tiny
/// base image: a Linux amd64 config and one layer with a single file. It stands in for mcr.microsoft.com, which the
/// tests must not (and here cannot) reach, so the SDK's container build can run for real without a network.
/// </summary>
public sealed class LoopbackImageRegistry : IAsyncDisposable
{
    public const string Repository = "helpbot-test-base";
    public const string Tag = "1";

    /// <summary>The one file in the base image's layer, to find it in the built image.</summary>
    public const string MarkerPath = "etc/helpbot-test-base";

    private readonly WebApplication _app;
    private readonly Dictionary<string, byte[]> _blobs;
    private readonly byte[] _manifest;

    private LoopbackImageRegistry(WebApplication app, Dictionary<string, byte[]> blobs, byte[] manifest, string layerDigest)
    {
        _app = app;
        _blobs = blobs;
        _manifest = manifest;
        BaseLayerDigest = layerDigest;
    }

    /// <summary>host:port, as an image reference starts (localhost: the SDK allows plain HTTP for it).</summary>
    public string Authority { get; private set; } = string.Empty;

    public string BaseImage => $"{Authority}/{Repository}:{Tag}";

    public string BaseLayerDigest { get; }

    public static async Task<LoopbackImageRegistry> StartAsync()
    {
        var (layer, diffId) = BaseLayer();
        var config = JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["architecture"] = "amd64",
            ["os"] = "linux",
            ["config"] = new JsonObject { ["Env"] = new JsonArray("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin") },
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray(diffId) },
        });
        var blobs = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [Digest(config)] = config, [Digest(layer)] = layer };
        var manifest = JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["config"] = new JsonObject { ["mediaType"] = "application/vnd.oci.image.config.v1+json", ["digest"] = Digest(config), ["size"] = config.Length },
            ["layers"] = new JsonArray(new JsonObject { ["mediaType"] = "application/vnd.oci.image.layer.v1.tar+gzip", ["digest"] = Digest(layer), ["size"] = layer.Length }),
        });

        var builder = WebApplication.CreateSlimBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var registry = new LoopbackImageRegistry(app, blobs, manifest, Digest(layer));
        app.MapMethods("/v2/{**path}", [HttpMethods.Get, HttpMethods.Head], registry.Serve);
        await app.StartAsync();
        registry.Authority = "localhost:" + new Uri(app.Urls.First()).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return registry;
    }

    public static string Digest(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private IResult Serve(string? path)
    {
        path ??= string.Empty;
        if (path.Length == 0)
        {
            return Results.Json(new { });
        }

        if (path == $"{Repository}/manifests/{Tag}" || path == $"{Repository}/manifests/{Digest(_manifest)}")
        {
            return Blob(_manifest, "application/vnd.oci.image.manifest.v1+json");
        }

        var blobPrefix = $"{Repository}/blobs/";
        return path.StartsWith(blobPrefix, StringComparison.Ordinal) && _blobs.TryGetValue(path[blobPrefix.Length..], out var blob)
            ? Blob(blob, "application/octet-stream")
            : Results.NotFound();
    }

    private static IResult Blob(byte[] content, string mediaType) => new DigestResult(content, mediaType);

    // One gzip'd tar layer holding MarkerPath; the config's diff_id is the digest of the uncompressed tar.
    private static (byte[] Layer, string DiffId) BaseLayer()
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, MarkerPath) { DataStream = new MemoryStream("test base image\n"u8.ToArray()) };
            writer.WriteEntry(entry);
        }

        var uncompressed = tar.ToArray();
        using var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(uncompressed);
        }

        return (gzipped.ToArray(), Digest(uncompressed));
    }

    private sealed class DigestResult(byte[] content, string mediaType) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.ContentType = mediaType;
            response.ContentLength = content.Length;
            response.Headers["Docker-Content-Digest"] = Digest(content);
            if (!HttpMethods.IsHead(httpContext.Request.Method))
            {
                await response.Body.WriteAsync(content, httpContext.RequestAborted);
            }
        }
    }
}
