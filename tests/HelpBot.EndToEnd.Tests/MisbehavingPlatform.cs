using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HelpBot.EndToEnd.Tests;

/// <summary>How <see cref="MisbehavingPlatform"/> answers every platform call.</summary>
public enum PlatformMisbehaviour
{
    /// <summary>Never answers (until the test ends).</summary>
    Hang,

    /// <summary>Sends 200 and its headers at once, then one byte of the body every half second.</summary>
    DripAfterHeaders,

    /// <summary>A 200 whose body is <see cref="MisbehavingPlatform.HugeBodyBytes"/> long.</summary>
    HugeBody,

    /// <summary>302 to <see cref="MisbehavingPlatform.RedirectTargetPath"/> on the same loopback server.</summary>
    Redirect,

    /// <summary>401 with the platform's own error body.</summary>
    Unauthorized,

    /// <summary>400 with a proxy's HTML page.</summary>
    HtmlBadRequest,

    /// <summary>200 with no body.</summary>
    EmptyOk,

    /// <summary>200 with the body <c>null</c>.</summary>
    NullOk,

    /// <summary>200 with an object that has only some of the fields (an order number and nothing else).</summary>
    MissingFieldsOk,
}

/// <summary>
/// A stand-in for the platform on real Kestrel at a loopback port that answers every call in one broken way, to show
/// the bot's clients bound what they wait for and read and never follow the platform elsewhere.
/// </summary>
public sealed class MisbehavingPlatform : IAsyncDisposable
{
    public const long HugeBodyBytes = 256L * 1024 * 1024;
    public const string RedirectTargetPath = "/redirect-target";

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private long _hugeBytesWritten;
    private volatile bool _hugeBodyAbortedByClient;
    private int _redirectTargetHits;

    private MisbehavingPlatform(WebApplication app, PlatformMisbehaviour misbehaviour)
    {
        _app = app;
        Misbehaviour = misbehaviour;
    }

    public PlatformMisbehaviour Misbehaviour { get; }

    public Uri BaseAddress => new(_app.Urls.First());

    /// <summary>Bytes of the huge body the client took before it hung up (all of them when it read the whole body).</summary>
    public long HugeBytesWritten => Interlocked.Read(ref _hugeBytesWritten);

    /// <summary>True when the client hung up on the huge body before its end (writes after that may count without being sent).</summary>
    public bool HugeBodyAbortedByClient => _hugeBodyAbortedByClient;

    /// <summary>Requests that followed the redirect.</summary>
    public int RedirectTargetHits => Volatile.Read(ref _redirectTargetHits);

    public static async Task<MisbehavingPlatform> StartAsync(PlatformMisbehaviour misbehaviour)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var platform = new MisbehavingPlatform(app, misbehaviour);
        app.Map(RedirectTargetPath, (HttpContext _) =>
        {
            Interlocked.Increment(ref platform._redirectTargetHits);
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        });
        app.MapFallback(platform.AnswerAsync);
        await app.StartAsync();
        return platform;
    }

    private async Task AnswerAsync(HttpContext http)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping.Token);
        var cancel = both.Token;
        var response = http.Response;
        try
        {
            switch (Misbehaviour)
            {
                case PlatformMisbehaviour.Hang:
                    await Task.Delay(Timeout.Infinite, cancel);
                    break;

                case PlatformMisbehaviour.DripAfterHeaders:
                    response.ContentType = "application/json";
                    await response.StartAsync(cancel);
                    await response.Body.FlushAsync(cancel);
                    for (var i = 0; i < 1000; i++)
                    {
                        await response.Body.WriteAsync(" "u8.ToArray(), cancel);
                        await response.Body.FlushAsync(cancel);
                        await Task.Delay(500, cancel);
                    }

                    break;

                case PlatformMisbehaviour.HugeBody:
                    response.ContentType = "application/json";
                    response.ContentLength = HugeBodyBytes;
                    var chunk = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
                    for (long sent = 0; sent < HugeBodyBytes; sent += chunk.Length)
                    {
                        // Kestrel drops writes once the client has gone without failing them; the pipe says it has.
                        var written = await response.BodyWriter.WriteAsync(chunk, cancel);
                        if (written.IsCompleted || written.IsCanceled || cancel.IsCancellationRequested)
                        {
                            _hugeBodyAbortedByClient = true;
                            break;
                        }

                        Interlocked.Add(ref _hugeBytesWritten, chunk.Length);
                    }

                    break;

                case PlatformMisbehaviour.Redirect:
                    response.StatusCode = StatusCodes.Status302Found;
                    response.Headers.Location = new Uri(BaseAddress, RedirectTargetPath).ToString();
                    break;

                case PlatformMisbehaviour.Unauthorized:
                    response.StatusCode = StatusCodes.Status401Unauthorized;
                    await response.WriteAsJsonAsync(new { code = "unauthorized", message = "Bad API key." }, cancel);
                    break;

                case PlatformMisbehaviour.HtmlBadRequest:
                    response.StatusCode = StatusCodes.Status400BadRequest;
                    response.ContentType = "text/html";
                    await response.WriteAsync("<html><body><h1>400 Bad Request</h1></body></html>", cancel);
                    break;

                case PlatformMisbehaviour.EmptyOk:
                    response.StatusCode = StatusCodes.Status200OK;
                    response.ContentType = "application/json";
                    break;

                case PlatformMisbehaviour.NullOk:
                    response.ContentType = "application/json";
                    await response.WriteAsync("null", cancel);
                    break;

                case PlatformMisbehaviour.MissingFieldsOk:
                    response.ContentType = "application/json";
                    await response.WriteAsync("""{"orderNumber":"2611240000000006","userId":"demo-user","incidents":[]}""", cancel);
                    break;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client hung up (as it should, for the slow and the huge answers) or the test is over.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
