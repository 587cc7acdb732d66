using HelpBot.Bot;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace HelpBot.EndToEnd.Tests;

public class TeamsButtonsTests
{
    [Theory]
    [InlineData(6, new[] { 6 })]
    [InlineData(7, new[] { 6, 1 })]
    public async Task On_teams_more_than_three_buttons_become_hero_card_buttons(int buttons, int[] perCard)
    {
        var reply = await ReplyOn("msteams", buttons);

        Assert.Null(reply.SuggestedActions);
        Assert.Equal(perCard, reply.Attachments.Select(a => ((HeroCard)a.Content).Buttons.Count));
        Assert.All(reply.Attachments.SelectMany(a => ((HeroCard)a.Content).Buttons), b => Assert.Equal(ActionTypes.ImBack, b.Type));
        Assert.Equal("menu", reply.Text);
    }

    [Theory]
    [InlineData("msteams", 3)]
    [InlineData("webchat", 6)]
    [InlineData("directline", 7)]
    public async Task Elsewhere_or_with_few_buttons_suggested_actions_stay(string channel, int buttons)
    {
        var reply = await ReplyOn(channel, buttons);

        Assert.Equal(buttons, reply.SuggestedActions.Actions.Count);
        Assert.Empty(reply.Attachments ?? []);
    }

    private static async Task<IMessageActivity> ReplyOn(string channel, int buttons)
    {
        var reference = TestAdapter.CreateConversation("teams", "user", "bot");
        reference.ChannelId = channel;
        var adapter = new TestAdapter(reference);
        adapter.Use(new TeamsButtonsMiddleware());
        IMessageActivity? reply = null;
        await new TestFlow(adapter, (context, ct) =>
            {
                var menu = MessageFactory.Text("menu");
                menu.SuggestedActions = new SuggestedActions
                {
                    Actions = [.. Enumerable.Range(1, buttons).Select(i => new CardAction(ActionTypes.ImBack, $"option {i}", value: $"option {i}"))],
                };
                return context.SendActivityAsync(menu, ct);
            })
            .Send("hi").AssertReply(a => reply = a.AsMessageActivity())
            .StartTestAsync();
        return reply!;
    }
}
