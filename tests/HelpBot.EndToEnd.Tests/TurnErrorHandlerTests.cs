using HelpBot.Bot;
using HelpBot.Dialogs.Turns;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace HelpBot.EndToEnd.Tests;

public class TurnErrorHandlerTests
{
    [Theory]
    [InlineData("zh-CN", "抱歉")]
    [InlineData("en-US", "Sorry")]
    public async Task A_failed_turn_apologises_in_the_customers_language_and_clears_the_conversation(string locale, string apology)
    {
        var storage = new MemoryStorage();
        var store = new ConversationStateStore(storage);
        var adapter = new HelpBotAdapter(
            new ConfigurationBotFrameworkAuthentication(new ConfigurationBuilder().Build()),
            new ConversationTurns(store, new KeyedAsyncLock()),
            NullLogger<HelpBotAdapter>.Instance);

        var channel = new TestAdapter(TestAdapter.CreateConversation("broken"));
        var activity = channel.MakeActivity("anything");
        activity.Locale = locale;
        var key = ConversationStateStore.KeyFor(activity);
        await store.SaveAsync(key, new ConversationData { Locale = locale, CurrentOrderNumber = "2611240000000002" }, CancellationToken.None);

        await adapter.OnTurnError(new TurnContext(channel, activity), new InvalidOperationException("boom"));

        var reply = channel.GetNextReply().AsMessageActivity();
        Assert.Contains(apology, reply.Text, StringComparison.Ordinal);
        Assert.Empty(await storage.ReadAsync([key], CancellationToken.None));
    }
}
