using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Turns;
using HelpBot.Dialogs.Engine;
using HelpBot.Language.Answers;
using Microsoft.Bot.Builder;

namespace HelpBot.Dialogs.Conversation;

/// <summary>
/// Messages that are only social while a question waits: "谢谢拜拜" or "ok thanks bye" ends the flow with a goodbye
/// (it is never an address, a description or "done" at the screenshot step); a laugh or a greeting keeps the question;
/// "你是机器人吗" / "am I talking to a bot?" gets an honest answer at any step.
/// </summary>
public sealed class SmallTalk : IDialogInterruption
{
    public async Task<bool> TryInterruptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var text = dc.Context.Activity.Text;
        var reading = AnswerReader.Read(text);
        var turn = dc.Context.Turn();
        if (reading.Social == SocialAct.AskIfBot && reading.Command == ConversationCommand.None)
        {
            if (dc.ActiveDialog is null)
            {
                await dc.Context.SendActivityAsync(MainMenu.Reply(turn.Text(nameof(Strings.Smalltalk_IAmABot)), turn), cancellationToken);
            }
            else
            {
                await dc.Context.SendActivityAsync(turn.Text(nameof(Strings.Smalltalk_IAmABot)), cancellationToken: cancellationToken);
                await dc.RepromptDialogAsync(cancellationToken);
            }

            return true;
        }

        // A goodbye beside other words ends the flow only at a button question and without digits: an address may hold
        // "88" or a "谢谢" and is still an address.
        var leaving = reading.Social == SocialAct.Goodbye && reading.Polarity != Polarity.No && reading.Command == ConversationCommand.None
            && !text!.Any(char.IsDigit) && dc.ActiveDialog is { } active && dc.Dialogs.Find(active.Id) is not IAnswerPrompt { TakesAnyText: true };
        // "ok thanks bye": nothing but social words and an ok is never an address or a description either.
        var onlySocial = reading.IsOnlySocial
            || (reading.OtherCharacters == 0 && reading.Social is SocialAct.Thanks or SocialAct.Goodbye && reading.Polarity != Polarity.No && reading.Command == ConversationCommand.None);
        if (dc.ActiveDialog is null || !(onlySocial || leaving) || await dc.ActivePromptRecognizesAsync(cancellationToken))
        {
            return false;
        }

        // "谢谢拜拜", "知道了 拜拜", "ok thanks bye": the customer is leaving.
        if (reading.Social is SocialAct.Thanks or SocialAct.Goodbye)
        {
            await dc.CancelAllDialogsAsync(cancellationToken);
            await dc.Context.SendActivityAsync(MessageFactory.Text(turn.Text(nameof(Strings.Goodbye))), cancellationToken);
            return true;
        }

        // A laugh or a "hi" while a question waits: the question still stands.
        await dc.RepromptDialogAsync(cancellationToken);
        return true;
    }
}
