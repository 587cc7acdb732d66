using System.Net;
using HelpBot.Platform.Errors;
using HelpBot.Platform.Sandbox.Endpoints;
using HelpBot.Platform.Sandbox.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HelpBot.Platform.Sandbox;

/// <summary>
/// The embedded sandbox platform: its own Kestrel server serving the platform API and the sandbox admin API over real
/// HTTP. Register it as a hosted service (see <see cref="SandboxServiceCollectionExtensions"/>) or start and dispose it
/// directly. Its data (<see cref="State"/>) lives as long as the object, across stop and start.
/// </summary>
public sealed class SandboxPlatformServer : IHostedService, IAsyncDisposable, IDisposable
{
    // In-flight requests (e.g. an injected delay) get this long to finish when the server stops.
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(2);

    private readonly SandboxPlatformOptions _options;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly SemaphoreSlim _startStop = new(1, 1);
    private WebApplication? _app;
    private Uri? _baseAddress;
    private bool _disposed;

    public SandboxPlatformServer(SandboxPlatformOptions? options = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        _options = options ?? new SandboxPlatformOptions();
        _loggerFactory = loggerFactory;
        State = new SandboxPlatformState(timeProvider);
    }

    /// <summary>The sandbox's data, for in-process control (the same operations as the <c>/sandbox/</c> admin API).</summary>
    public SandboxPlatformState State { get; }

    /// <summary>Where the platform API is served, e.g. <c>http://127.0.0.1:53124/</c>; known once started.</summary>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The sandbox platform server has not been started.");

    public bool IsRunning => _app is not null;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _startStop.WaitAsync(cancellationToken);
        try
        {
            if (_app is not null)
                return;

            var app = Build();
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch
            {
                await app.DisposeAsync();
                throw;
            }

            // With port 0, Kestrel replaces the configured address with the port it actually bound.
            _baseAddress = new Uri(app.Urls.First(), UriKind.Absolute);
            _loggerFactory?.CreateLogger<SandboxPlatformServer>().LogInformation("Sandbox platform (demo data) listening on {BaseAddress}", _baseAddress);
            _app = app;
        }
        finally
        {
            _startStop.Release();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _startStop.WaitAsync(CancellationToken.None);
        try
        {
            if (_app is null)
                return;

            try
            {
                await _app.StopAsync(cancellationToken);
            }
            finally
            {
                await _app.DisposeAsync();
                _app = null;
                _baseAddress = null;
            }
        }
        finally
        {
            _startStop.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        await StopAsync(CancellationToken.None);
        _disposed = true;
        _startStop.Dispose();
    }

    /// <summary>For containers disposed synchronously; prefer <see cref="DisposeAsync"/>.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private WebApplication Build()
    {
        // The empty builder reads no appsettings or ASPNETCORE_ variables: the host's own URLs must not leak in here.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SandboxPlatformServer).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrelCore().UseUrls(_options.Url);

        builder.Services.AddRoutingCore();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);
        if (_loggerFactory is not null)
        {
            // Log into the host's logging, without the sandbox's own "Now listening on" and "Application started"
            // lines, which read like a second bot in the host's log; one clear line is logged after start instead.
            builder.Logging.AddProvider(new ForwardingLoggerProvider(_loggerFactory));
            builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.None);
        }

        var app = builder.Build();
        app.Use(AnswerUnexpectedErrorsAsync);
        app.MapSandboxPlatform(State, _options.ApiKey);
        app.MapFallback((HttpRequest request) => SandboxResults.Error(
            HttpStatusCode.NotFound, PlatformErrorCodes.NotFound, $"No route for {request.Method} {request.Path}."));
        return app;
    }

    // A bug in the sandbox should still answer in the platform's format, and be logged, rather than drop the connection.
    private static async Task AnswerUnexpectedErrorsAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger<SandboxPlatformServer>()
                .LogError(ex, "Sandbox platform failed on {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await SandboxResults.Error(HttpStatusCode.InternalServerError, PlatformErrorCodes.Unknown, "The sandbox platform failed unexpectedly.")
                .ExecuteAsync(context);
        }
    }
}
