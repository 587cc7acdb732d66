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

    /// <summary>The same message again within this time is a double tap or a resend, not a second request.</summary>
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromSeconds(4);

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
        else if (await IsRepeatAsync(dc, turn, cancellationToken))
        {
            // A double tap or a resend of the same message: it was answered a moment ago, and answering again would
            // start a second flow or repeat the first ("确认取消" twice, the same complaint sent twice).
        }
        else
        {
            await DialogRunner.RunAsync(dc, RootDialog.DialogId, _interruptions, cancellationToken);
        }
    }

    /// <summary>
    /// The same text as the last message, within <see cref="RepeatWindow"/>, that the waiting question does not take as
    /// its answer ("yes" to the next yes/no question is an answer, not a repeat) and that is not typed text a question
    /// asked for (a second try of the same code). Commands and pictures always count.
    /// </summary>
    private async Task<bool> IsRepeatAsync(DialogContext dc, TurnInfo turn, CancellationToken cancellationToken)
    {
        var activity = dc.Context.Activity;
        var now = _time.GetUtcNow();
        var text = TextInput.NormalizeAnswer(activity.Text);
        var data = turn.Data;
        var repeat = activity.Type == ActivityTypes.Message
            && text.Length > 0
            && !EvidenceCollector.HasAttachments(activity)
            && string.Equals(data.LastMessage, text, StringComparison.Ordinal)
            && data.LastMessageAt is { } at && now - at >= TimeSpan.Zero && now - at < RepeatWindow
            && !GlobalCommands.IsExactCommand(text)
            && !AwaitsTypedText(dc)
            && !await dc.ActivePromptRecognizesAsync(cancellationToken)
            // With a question waiting, only a request ("human please", the same complaint) is a resend; "没有" to the
            // next question is an answer, even when it was also the answer to the last one.
            && (dc.ActiveDialog is null || await IsRequestAsync(activity.Text, turn.Language, cancellationToken));
        if (activity.Type == ActivityTypes.Message)
        {
            data.LastMessage = text.Length is > 0 and <= MaxRememberedLength ? text : null;
            data.LastMessageAt = data.LastMessage is null ? null : now;
        }

        return repeat;
    }

    private async Task<bool> IsRequestAsync(string? text, string language, CancellationToken cancellationToken)
    {
        var intent = await _recognizer.RecognizeAsync(text, language, cancellationToken);
        return intent.Intent is not (Intents.None or Intents.Greeting or Intents.ThanksGoodbye) && intent.Score >= RepeatedRequestFrom;
    }

    private const double RepeatedRequestFrom = 0.5;

    // A question that takes typed text (a code, a phone number, an address) may get the same text again on purpose.
    private static bool AwaitsTypedText(DialogContext dc) =>
        dc.ActiveDialog is { } active && dc.Dialogs.Find(active.Id) is IAnswerPrompt { TakesAnyText: true };

    // Longer messages are not double taps worth remembering, and the state stays small.
    private const int MaxRememberedLength = 200;

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
