using HelpBot.Bot;
using HelpBot.Hosting;
using HelpBot.Language;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HelpBot.Testing.Hosting;

/// <summary>How a functional test changes the host: settings, logging, and seams after the real registrations.</summary>
public sealed class HelpBotTestHostOptions
{
    /// <summary>Configuration on top of appsettings.json (e.g. ConnectionStrings:Redis, MicrosoftAppId).</summary>
    public IDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Warning;

    /// <summary>When set, the only log provider, and it sees every category at <see cref="MinimumLogLevel"/> or above.</summary>
    public ILoggerProvider? Logs { get; init; }

    /// <summary>Replaces services after the host's own registrations.</summary>
    public Action<IServiceCollection>? Services { get; init; }

    /// <summary>Middleware that runs after the host's own, e.g. to record what reached the bot.</summary>
    public IMiddleware? ExtraMiddleware { get; init; }
}

/// <summary>
/// The bot host composed exactly as Program.cs composes it (<see cref="HelpBotHostExtensions.AddHelpBot"/> and
/// <see cref="HelpBotHostExtensions.MapHelpBot"/>), on real Kestrel at a free loopback port. Every functional test
/// project starts its host here, so the composition under test is the host's and not a copy of it.
/// </summary>
public static class HelpBotTestHost
{
    /// <summary>Training takes a second or two, so all hosts in one test process share one trained model.</summary>
    public static Lazy<IHelpBotRecognizer> SharedRecognizer { get; } = new(() => new HelpBotRecognizer());

    public static async Task<WebApplication> StartAsync(HelpBotTestHostOptions? options = null)
    {
        options ??= new HelpBotTestHostOptions();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = ["--urls", "http://127.0.0.1:0"],
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(options.Settings);
        if (options.Logs is not null)
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(options.Logs);
            // Everything is captured, including categories appsettings.json turns down (HttpClient logs request URLs).
            var minimum = options.MinimumLogLevel;
            builder.Logging.AddFilter((_, _, level) => level >= minimum);
        }

        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
        builder.UseHelpBotDefaultUrl();
        builder.Services.AddHelpBot(builder.Configuration);
        builder.Services.AddSingleton(SharedRecognizer.Value);
        options.Services?.Invoke(builder.Services);

        var app = builder.Build();
        if (options.ExtraMiddleware is not null)
        {
            app.Services.GetRequiredService<HelpBotAdapter>().Use(options.ExtraMiddleware);
        }

        app.MapHelpBot();
        await app.StartAsync();
        return app;
    }

    public static async ValueTask StopAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
