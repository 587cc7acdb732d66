using System.Globalization;
using HelpBot.Bot;
using HelpBot.SdkWorkarounds;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;

namespace HelpBot.EndToEnd.Tests;

public class ConnectorReuseTests
{
    private static readonly Activity Incoming = new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "webchat",
        ServiceUrl = "http://localhost:1/",
        Conversation = new ConversationAccount { Id = "c" },
        From = new ChannelAccount { Id = "u" },
        Recipient = new ChannelAccount { Id = "bot" },
    };

    private static ReusedConnectorsBotFrameworkAuthentication Create() =>
        new(new ConfigurationBotFrameworkAuthentication(new ConfigurationBuilder().Build()));

    [Fact]
    public async Task Turns_share_one_connector_client_per_service_url_and_it_survives_the_turns_dispose()
    {
        var authentication = Create();

        var first = await authentication.AuthenticateRequestAsync(Incoming, string.Empty, CancellationToken.None);
        var firstClient = await first.ConnectorFactory.CreateAsync(Incoming.ServiceUrl, first.Audience, CancellationToken.None);
        firstClient.Dispose(); // what CloudAdapter does at the end of every turn

        var second = await authentication.AuthenticateRequestAsync(Incoming, string.Empty, CancellationToken.None);
        var secondClient = await second.ConnectorFactory.CreateAsync(Incoming.ServiceUrl, second.Audience, CancellationToken.None);
        var otherUrl = await second.ConnectorFactory.CreateAsync("http://localhost:2/", second.Audience, CancellationToken.None);

        Assert.Same(firstClient, secondClient);
        Assert.NotNull(secondClient.Conversations);
        Assert.Equal(new Uri("http://localhost:1/"), secondClient.BaseUri);
        Assert.NotSame(firstClient, otherUrl);
        Assert.Equal(new Uri("http://localhost:2/"), otherUrl.BaseUri);
    }

    [Fact]
    public async Task User_token_clients_are_shared_per_app_id_and_outlive_dispose()
    {
        var authentication = Create();
        var identity = (await authentication.AuthenticateRequestAsync(Incoming, string.Empty, CancellationToken.None)).ClaimsIdentity;

        var first = await authentication.CreateUserTokenClientAsync(identity, CancellationToken.None);
        first.Dispose();
        var second = await authentication.CreateUserTokenClientAsync(identity, CancellationToken.None);

        Assert.Same(first, second);
    }

    [Fact]
    public async Task Past_the_cache_bound_clients_are_created_per_turn_as_the_sdk_does()
    {
        var authentication = Create();
        var result = await authentication.AuthenticateRequestAsync(Incoming, string.Empty, CancellationToken.None);
        for (var i = 0; i < ReusedConnectorsBotFrameworkAuthentication.MaxCachedClients; i++)
        {
            await result.ConnectorFactory.CreateAsync($"http://localhost:{1000 + i}/", result.Audience, CancellationToken.None);
        }

        var beyond1 = await result.ConnectorFactory.CreateAsync("http://localhost:9/", result.Audience, CancellationToken.None);
        var beyond2 = await result.ConnectorFactory.CreateAsync("http://localhost:9/", result.Audience, CancellationToken.None);
        Assert.NotSame(beyond1, beyond2);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public async Task The_turn_formats_with_the_cached_culture_of_the_activitys_locale(string locale)
    {
        var adapter = new TestAdapter(TestAdapter.CreateConversation("culture")) { Locale = locale };
        adapter.Use(new CachedCultureMiddleware());
        CultureInfo? seen = null;

        await new TestFlow(adapter, (context, _) =>
            {
                seen = CultureInfo.CurrentCulture;
                return Task.CompletedTask;
            })
            .Send("hi")
            .StartTestAsync();

        Assert.Same(CultureInfo.GetCultureInfo(locale), seen);
    }
}
