using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Turns;

namespace HelpBot.Dialogs.Conversation;

/// <summary>
/// Commands that work at any step: cancel (abandon the current flow), help (explain, then ask the current question
/// again) and start over. Only a message that is exactly the command counts, so "cancel my order" still reaches the flow.
/// </summary>
public sealed class GlobalCommands : IDialogInterruption
{
    // Recognition vocabulary (what customers type), not wording shown to them.
    private static readonly HashSet<string> Cancel = new(StringComparer.Ordinal) { "取消", "算了", "不用了", "退出", "cancel", "stop", "quit", "never mind", "nevermind" };
    private static readonly HashSet<string> Help = new(StringComparer.Ordinal) { "帮助", "help", "?", "怎么用", "菜单", "menu" };
    private static readonly HashSet<string> StartOver = new(StringComparer.Ordinal) { "重新开始", "从头开始", "重来", "start over", "restart", "reset" };

    public async Task<bool> TryInterruptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var command = TextInput.NormalizeAnswer(dc.Context.Activity.Text);
        var turn = dc.Context.Turn();

        if (Cancel.Contains(command))
        {
            var hadFlow = dc.ActiveDialog is not null;
            await dc.CancelAllDialogsAsync(cancellationToken);
            var key = hadFlow ? nameof(Strings.Command_Cancelled) : nameof(Strings.Command_NothingToCancel);
            await dc.Context.SendActivityAsync(MainMenu.Reply(turn.Text(key), turn), cancellationToken);
            return true;
        }

        if (Help.Contains(command))
        {
            if (dc.ActiveDialog is null)
            {
                await dc.Context.SendActivityAsync(MainMenu.Reply(turn.Text(nameof(Strings.Command_Help)), turn), cancellationToken);
            }
            else
            {
                await dc.Context.SendActivityAsync(turn.Text(nameof(Strings.Command_HelpInFlow)), cancellationToken: cancellationToken);
                await dc.RepromptDialogAsync(cancellationToken);
            }

            return true;
        }

        if (StartOver.Contains(command))
        {
            await dc.CancelAllDialogsAsync(cancellationToken);
            turn.Data.CurrentOrderNumber = null;
            await RootDialog.SendWelcomeAsync(dc.Context, cancellationToken);
            return true;
        }

        return false;
    }
}
