using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace HelpBot.Benchmark.EchoBot;

/// <summary>Echoes every message: the least a Bot Framework bot can do per turn.</summary>
public sealed class EchoActivityHandler : ActivityHandler
{
    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(MessageFactory.Text("echo: " + turnContext.Activity.Text), cancellationToken);
}
