using System.Collections.Concurrent;
using HelpBot.Bot;
using HelpBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HelpBot.Browser.Tests;

/// <summary>
/// The bot host composed as Program.cs composes it (development mode: embedded Direct Line, sandbox platform, the web
/// chat page), on real Kestrel at a free loopback port. Records every activity the bot receives, so tests can check
/// what reached the bot (a middleware on the adapter: the one seam).
/// </summary>
public class BrowserTestHost : IAsyncLifetime
{
    private readonly IDictionary<string, string?> _settings;
    private WebApplication? _app;

    public BrowserTestHost()
        : this(new Dictionary<string, string?>())
    {
    }

    protected BrowserTestHost(IDictionary<string, string?> settings) => _settings = settings;

    public Uri Address { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>Activities the bot received, in arrival order.</summary>
    public ConcurrentQueue<IActivity> Received { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = ["--urls", "http://127.0.0.1:0"],
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(_settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseHelpBotDefaultUrl();
        builder.Services.AddHelpBot(builder.Configuration);

        _app = builder.Build();
        _app.Services.GetRequiredService<HelpBotAdapter>().Use(new RecordingMiddleware(Received));
        _app.MapHelpBot();
        await _app.StartAsync();
        Address = new Uri(_app.Urls.First());
        Http = new HttpClient { BaseAddress = Address };
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private sealed class RecordingMiddleware(ConcurrentQueue<IActivity> received) : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            received.Enqueue(turnContext.Activity);
            return next(cancellationToken);
        }
    }
}
