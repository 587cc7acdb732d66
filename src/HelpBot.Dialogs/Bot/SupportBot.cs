using HelpBot.Dialogs.Conversation;
using HelpBot.Dialogs.Dialogs;
using HelpBot.Dialogs.Localization;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Runtime;
using HelpBot.Dialogs.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace HelpBot.Dialogs.Bot;

/// <summary>
/// The bot: for each activity it loads the conversation, picks the language, runs the dialogs and saves the
/// conversation. Turns of one conversation run one at a time in this process.
/// </summary>
public sealed class SupportBot : IBot
{
    private readonly ConversationStateStore _store;
    private readonly DialogSet _dialogs;
    private readonly IReadOnlyList<IDialogInterruption> _interruptions;
    private readonly CustomerIdentity _identity;
    private readonly IConversationTurnLock _turnLock;

    public SupportBot(
        ConversationStateStore store,
        DialogSet dialogs,
        IEnumerable<IDialogInterruption> interruptions,
        CustomerIdentity identity,
        IConversationTurnLock turnLock)
    {
        _store = store;
        _dialogs = dialogs;
        _interruptions = [.. interruptions];
        _identity = identity;
        _turnLock = turnLock;
    }

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.ConversationUpdate))
        {
            return;
        }

        var key = ConversationStateStore.KeyFor(activity);
        using var held = await _turnLock.AcquireAsync(key, cancellationToken);

        var data = await _store.LoadAsync(key, cancellationToken);
        var language = BotLanguage.Resolve(activity.Locale, activity.Text, data.Locale);
        data.Locale = language;
        var turn = new TurnInfo(language, data, _identity.PlatformUserId(activity));
        turnContext.TurnState.Add(turn);

        if (activity.Type == ActivityTypes.ConversationUpdate)
        {
            if (!data.Welcomed && (activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) ?? false))
            {
                await RootDialog.SendWelcomeAsync(turnContext, cancellationToken);
            }
        }
        else if (string.IsNullOrWhiteSpace(activity.Text))
        {
            // Attachments without text are handled by the flows that ask for them; alone they need a nudge.
            await turnContext.SendActivityAsync(MainMenu.Reply(turn.Text(nameof(Strings.NeedText)), turn), cancellationToken);
        }
        else
        {
            var dc = new DialogContext(_dialogs, turnContext, data.DialogStack);
            await DialogRunner.RunAsync(dc, RootDialog.DialogId, _interruptions, cancellationToken);
        }

        await _store.SaveAsync(key, data, cancellationToken);
    }
}
