using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace HelpBot.Channels.Tests.Infrastructure;

/// <summary>
/// The bot behind the channel in tests: welcomes users, echoes text (after a typing activity), replies with an
/// uploaded image to "attachment", downloads what users upload, and keeps conversation references so the test can
/// send proactive messages.
/// </summary>
public sealed class ChannelTestBot : ActivityHandler
{
    private readonly IHttpClientFactory _httpClients;

    public ChannelTestBot(IHttpClientFactory httpClients) => _httpClients = httpClients;

    public ConcurrentQueue<IActivity> Received { get; } = new();

    public ConcurrentDictionary<string, ConversationReference> References { get; } = new();

    /// <summary>Files the bot downloaded from users' attachments, by contentUrl.</summary>
    public ConcurrentDictionary<string, byte[]> Downloads { get; } = new();

    public override Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        Received.Enqueue(turnContext.Activity);
        References[turnContext.Activity.Conversation.Id] = turnContext.Activity.GetConversationReference();
        return base.OnTurnAsync(turnContext, cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        foreach (var member in membersAdded.Where(m => m.Id != turnContext.Activity.Recipient.Id))
            await turnContext.SendActivityAsync($"welcome {member.Id}", cancellationToken: cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Attachments is { Count: > 0 } attachments)
        {
            var client = _httpClients.CreateClient();
            foreach (var attachment in attachments.Where(a => a.ContentUrl is not null))
                Downloads[attachment.ContentUrl] = await client.GetByteArrayAsync(new Uri(attachment.ContentUrl), cancellationToken);
            await turnContext.SendActivityAsync($"received {attachments.Count} attachment(s)", cancellationToken: cancellationToken);
            return;
        }

        if (activity.Text == "attachment")
        {
            var connector = turnContext.TurnState.Get<IConnectorClient>();
            var upload = await connector.Conversations.UploadAttachmentAsync(
                activity.Conversation.Id,
                new AttachmentData("image/png", "dot.png", TestPng.Bytes, TestPng.Bytes),
                cancellationToken);
            var contentUrl = new Uri(new Uri(activity.ServiceUrl), $"v3/attachments/{upload.Id}/views/original").AbsoluteUri;
            var reply = MessageFactory.Attachment(new Attachment("image/png", contentUrl, name: "dot.png"));
            await turnContext.SendActivityAsync(reply, cancellationToken);
            return;
        }

        await turnContext.SendActivityAsync(new Activity(ActivityTypes.Typing), cancellationToken);
        await turnContext.SendActivityAsync($"echo: {activity.Text}", cancellationToken: cancellationToken);
    }
}
