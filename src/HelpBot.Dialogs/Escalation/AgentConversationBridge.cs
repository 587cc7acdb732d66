using System.Security.Claims;
using HelpBot.AgentDesk;
using HelpBot.AgentDesk.Cases;
using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Localization;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Turns;
using HelpBot.Dialogs.WrapUp;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Configuration;

namespace HelpBot.Dialogs.Escalation;

/// <summary>
/// The desk's way into a customer's conversation: proactive turns on the bot adapter with the case's stored
/// ConversationReference, in the customer's language. With a MicrosoftAppId the adapter authenticates as the bot;
/// without one (development) it uses an empty identity, because CloudAdapter's app-id overload rejects an empty id.
/// </summary>
public sealed class AgentConversationBridge : ICustomerConversationBridge
{
    private readonly BotAdapter _adapter;
    private readonly ConversationTurns _turns;
    private readonly DialogSet _dialogs;
    private readonly string? _appId;

    // The adapter is injected: only the desk endpoints use the bridge, and nothing the adapter needs depends on it.
    public AgentConversationBridge(BotAdapter adapter, ConversationTurns turns, DialogSet dialogs, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _adapter = adapter;
        _turns = turns;
        _dialogs = dialogs;
        _appId = configuration["MicrosoftAppId"];
    }

    public Task AnnounceClaimAsync(EscalationCase escalation, CancellationToken cancellationToken) =>
        ContinueAsync(escalation, (context, culture, ct) =>
            context.SendActivityAsync(MessageFactory.Text(BotText.Format(culture, nameof(Strings.Agent_Joined), escalation.ClaimedBy, escalation.Id)), ct), cancellationToken);

    public Task SendAgentMessageAsync(EscalationCase escalation, string agentName, string text, CancellationToken cancellationToken) =>
        ContinueAsync(escalation, (context, culture, ct) =>
            context.SendActivityAsync(MessageFactory.Text(BotText.Format(culture, nameof(Strings.Agent_Says), agentName, text)), ct), cancellationToken);

    /// <summary>Says how the case ended, gives the conversation back to the bot and starts the rating question.</summary>
    public Task HandBackAsync(EscalationCase escalation, CancellationToken cancellationToken) =>
        ContinueAsync(escalation, (context, culture, ct) => _turns.RunAsync(
            context,
            escalation.ConversationKey,
            _dialogs,
            (data, _) => Task.FromResult(new TurnInfo(data.Locale ?? escalation.Language, data, escalation.UserId)),
            async (turn, dc, ct2) =>
            {
                if (turn.Data.AgentCaseId == escalation.Id)
                {
                    turn.Data.AgentCaseId = null;
                }

                await context.SendActivityAsync(MessageFactory.Text(turn.Format(nameof(Strings.Agent_Closed), escalation.Id, Resolution(turn, escalation.Resolution))), ct2);
                await dc.CancelAllDialogsAsync(ct2);
                await dc.BeginDialogAsync(CaseRatingDialog.DialogId, new CaseRatingOptions(escalation.Id), ct2);
            },
            ct), cancellationToken);

    private async Task ContinueAsync(EscalationCase escalation, Func<ITurnContext, System.Globalization.CultureInfo, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        var culture = BotLanguage.Culture(escalation.Language);
        BotCallbackHandler callback = (context, ct) => work(context, culture, ct);
        if (string.IsNullOrWhiteSpace(_appId))
        {
            await _adapter.ContinueConversationAsync(new ClaimsIdentity(), escalation.Conversation, callback, cancellationToken);
        }
        else
        {
            var identity = new ClaimsIdentity(
            [
                new Claim(AuthenticationConstants.AudienceClaim, _appId),
                new Claim(AuthenticationConstants.AppIdClaim, _appId),
            ]);
            await _adapter.ContinueConversationAsync(identity, escalation.Conversation, callback, cancellationToken);
        }
    }

    private static string Resolution(TurnInfo turn, string? resolution) => turn.Text(resolution switch
    {
        CaseResolutions.Refunded => nameof(Strings.Resolution_Refunded),
        CaseResolutions.Reordered => nameof(Strings.Resolution_Reordered),
        CaseResolutions.MerchantContacted => nameof(Strings.Resolution_MerchantContacted),
        _ => nameof(Strings.Resolution_NoAction),
    });
}
