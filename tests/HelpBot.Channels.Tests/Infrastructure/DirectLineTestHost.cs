using HelpBot.Channels.DirectLine.Delivery;
using HelpBot.Channels.DirectLine.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HelpBot.Channels.Tests.Infrastructure;

/// <summary>
/// A real Kestrel app on 127.0.0.1 (free port) with CloudAdapter on /api/messages, <see cref="ChannelTestBot"/>
/// and the embedded Direct Line channel, as the bot host wires them. No Microsoft app id, so no auth.
/// </summary>
public sealed class DirectLineTestHost : IAsyncDisposable
{
    public const string Secret = "test-secret-0123456789abcdef";

    private readonly WebApplication _app;

    private DirectLineTestHost(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = baseUrl };
    }

    public Uri BaseUrl { get; }

    /// <summary>The Direct Line "domain" clients are given.</summary>
    public Uri DirectLineDomain => new(BaseUrl, "v3/directline");

    public HttpClient Http { get; }

    public ManualTimeProvider Clock => (ManualTimeProvider)_app.Services.GetRequiredService<TimeProvider>();

    public ChannelTestBot Bot => _app.Services.GetRequiredService<ChannelTestBot>();

    public DirectLineChannelUrls ChannelUrls => _app.Services.GetRequiredService<DirectLineChannelUrls>();

    public IServiceProvider Services => _app.Services;

    public static async Task<DirectLineTestHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DirectLine:Secret"] = Secret,
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);

        builder.Services.AddSingleton<TimeProvider>(new ManualTimeProvider());
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton<ChannelTestBot>();
        builder.Services.AddSingleton<IBot>(sp => sp.GetRequiredService<ChannelTestBot>());
        // By-type registration of CloudAdapter is ambiguous on .NET 10: build it explicitly.
        builder.Services.AddSingleton(sp => new CloudAdapter(
            new ConfigurationBotFrameworkAuthentication(sp.GetRequiredService<IConfiguration>()),
            sp.GetRequiredService<ILogger<CloudAdapter>>()));
        builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<CloudAdapter>());
        builder.Services.AddEmbeddedDirectLine(builder.Configuration);

        var app = builder.Build();
        app.MapPost("/api/messages", (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot) =>
            adapter.ProcessAsync(request, response, bot));
        app.UseWebSockets();
        app.MapEmbeddedDirectLine();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DirectLineTestHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Sends a proactive message through the adapter, as a bot does outside of a turn.</summary>
    public Task SendProactiveAsync(string conversationId, string text) =>
        _app.Services.GetRequiredService<CloudAdapter>().ContinueConversationAsync(
            string.Empty,
            Bot.References[conversationId],
            (turn, ct) => turn.SendActivityAsync(text, cancellationToken: ct),
            CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
