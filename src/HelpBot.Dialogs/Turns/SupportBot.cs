using HelpBot.AgentDesk.Cases;
using HelpBot.Dialogs.Accounts;
using HelpBot.Dialogs.Conversation;
using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Escalation;
using HelpBot.Dialogs.Localization;
using HelpBot.Dialogs.Resources;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace HelpBot.Dialogs.Turns;

/// <summary>
/// The bot: for each activity it loads the conversation, picks the language, runs the dialogs and saves the
/// conversation. Turns of one conversation run one at a time in this process.
/// </summary>
public sealed class SupportBot : IBot
{
    private readonly ConversationTurns _turns;
    private readonly DialogSet _dialogs;
    private readonly IReadOnlyList<IDialogInterruption> _interruptions;
    private readonly CustomerIdentity _identity;
    private readonly AgentDeskService _desk;
    private readonly EvidenceCollector _evidence;
    private readonly AccountLinkStore _links;
    private readonly TimeProvider _time;
    private readonly ITurnIntentRecognizer _recognizer;


    public SupportBot(
        ConversationTurns turns,
        DialogSet dialogs,
        IEnumerable<IDialogInterruption> interruptions,
        CustomerIdentity identity,
        AgentDeskService desk,
        EvidenceCollector evidence,
        AccountLinkStore links,
        TimeProvider time,
        ITurnIntentRecognizer recognizer)
    {
        _time = time;
        _recognizer = recognizer;
        _links = links;
        _desk = desk;
        _evidence = evidence;
        _turns = turns;
        _dialogs = dialogs;
        _interruptions = [.. interruptions];
        _identity = identity;
    }

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.ConversationUpdate))
        {
            return;
        }

        await _turns.RunAsync(turnContext, ConversationTurns.KeyFor(activity), _dialogs, OpenAsync, RunAsync, cancellationToken);

        async Task<TurnInfo> OpenAsync(ConversationData data, CancellationToken ct)
        {
            var language = BotLanguage.Resolve(activity.Locale, activity.Text, data.Locale);
            data.Locale = language;
            return new TurnInfo(language, data, _identity.PlatformUserId(activity) ?? await LinkedUserIdAsync(activity, ct));
        }
    }

    private async Task RunAsync(TurnInfo turn, DialogContext dc, CancellationToken cancellationToken)
    {
        var turnContext = dc.Context;
        var activity = turnContext.Activity;
        var data = turn.Data;
        if (activity.Type == ActivityTypes.Message && await HandledForAgentCaseAsync(turnContext, turn, cancellationToken))
        {
            // An agent holds the case, or the customer asked where it stands.
        }
        else if (activity.Type == ActivityTypes.ConversationUpdate)
        {
            if (!data.Welcomed && (activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) ?? false))
            {
                await RootDialog.SendWelcomeAsync(turnContext, cancellationToken);
            }
        }
        else if (string.IsNullOrWhiteSpace(activity.Text) && !(EvidenceCollector.HasAttachments(activity) && data.DialogStack.Count > 0))
        {
            // Attachments without text are handled by the flows that ask for them; alone they need a nudge.
            await turnContext.SendActivityAsync(MainMenu.Reply(turn.Text(nameof(Strings.NeedText)), turn), cancellationToken);
        }
        else
        {
            var message = await RepeatCheck.OfAsync(dc, turn, _time.GetUtcNow(), IsRequestAsync, cancellationToken);
            if (!message.IsRepeat)
            {
                await DialogRunner.RunAsync(dc, RootDialog.DialogId, _interruptions, cancellationToken);
            }

            // A double tap or a resend of the same message is answered once: answering again would start a second
            // flow or repeat the first ("确认取消" twice, the same complaint sent twice).
            message.Remember(turn);
        }
    }

    private async Task<bool> IsRequestAsync(string? text, string language, CancellationToken cancellationToken)
    {
        var intent = await _recognizer.RecognizeAsync(text, language, cancellationToken);
        return intent.Intent is not (Intents.None or Intents.Greeting or Intents.ThanksGoodbye) && intent.Score >= RepeatedRequestFrom;
    }

    private const double RepeatedRequestFrom = 0.5;

    // Only on channels that do not vouch for their users: one storage read, and trusted channels never pay for it.
    private async Task<string?> LinkedUserIdAsync(IActivity activity, CancellationToken cancellationToken) =>
        _identity.IsTrusted(activity.ChannelId) || string.IsNullOrWhiteSpace(activity.From?.Id) || activity.ChannelId is null
            ? null
            : (await _links.GetAsync(activity.ChannelId, activity.From.Id, cancellationToken))?.UserId;

    /// <summary>
    /// While an agent holds the conversation's case, the customer's messages (and pictures) go to the case for the
    /// agent, not to the dialogs. While it waits, a question about the queue is answered. A closed case lets go.
    /// </summary>
    private async Task<bool> HandledForAgentCaseAsync(ITurnContext turnContext, TurnInfo turn, CancellationToken cancellationToken)
    {
        if (turn.Data.AgentCaseId is not { } caseId)
        {
            return false;
        }

        var escalation = await _desk.Cases.GetAsync(caseId, cancellationToken);
        if (escalation is null || !escalation.IsOpen)
        {
            turn.Data.AgentCaseId = null;
            return false;
        }

        var activity = turnContext.Activity;
        if (escalation.Status == CaseStatus.Claimed)
        {
            var room = Math.Max(0, _desk.MaxAttachmentsPerCase - escalation.Attachments.Count);
            var pictures = EvidenceCollector.HasAttachments(activity)
                ? await _evidence.CollectAsync(turnContext, caseId, room, cancellationToken)
                : [];
            await _desk.RecordCustomerMessageAsync(caseId, activity.Text ?? string.Empty, pictures, cancellationToken);
            return true;
        }

        if (QueueStatus.AsksForPosition(activity.Text))
        {
            await turnContext.SendActivityAsync(await QueueStatus.DescribeAsync(_desk.Cases, escalation, turn, cancellationToken), cancellationToken);
            return true;
        }

        return false;
    }
}
