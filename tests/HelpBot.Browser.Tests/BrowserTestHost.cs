using System.Collections.Concurrent;
using HelpBot.Testing.Hosting;
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
/// The bot host (<see cref="HelpBotTestHost"/>; development mode: embedded Direct Line, sandbox platform, the web
/// chat page). Records every activity the bot receives, so tests can check
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
        _app = await HelpBotTestHost.StartAsync(new HelpBotTestHostOptions
        {
            Settings = _settings,
            ExtraMiddleware = new RecordingMiddleware(Received),
        });
        Address = new Uri(_app.Urls.First());
        Http = new HttpClient { BaseAddress = Address };
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await HelpBotTestHost.StopAsync(_app);
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
