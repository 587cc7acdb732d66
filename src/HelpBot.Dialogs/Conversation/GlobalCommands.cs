using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Orders;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Turns;
using HelpBot.Language.Answers;
using HelpBot.Language.Text;

namespace HelpBot.Dialogs.Conversation;

/// <summary>
/// Commands that work at any step: stop the current flow ("取消", "算了不弄了", "nvm, forget it"), help (explain, then ask
/// the current question again; "你能做什么", "how does this work") and start over ("从头开始吧", "let's start again").
/// The exact command words always count. Said inside a sentence they count unless the message answers the waiting
/// question (a choice such as "算了 退了重下" is that choice) or names an order (a new request), so "cancel my order" and
/// "取消2611…" still reach their flows.
/// </summary>
public sealed class GlobalCommands(ITurnIntentRecognizer recognizer) : IDialogInterruption
{
    /// <summary>A command word inside a message that reads this surely as a request of its own is part of that request.</summary>
    public const double RequestOverCommand = 0.6;


    // "算了 不取消了" and "不改了" read as cancel/change requests by their words: they never outweigh the command.
    private static readonly HashSet<string> Requests = new(StringComparer.Ordinal)
    {
        Intents.OrderStatus, Intents.OrderStuck, Intents.PaymentFailed, Intents.Refund, Intents.DeliveryDelay, Intents.StatusMismatch,
        Intents.AppUnavailable, Intents.ContactMerchant, Intents.HumanAgent,
    };

    // Recognition vocabulary for the bare commands; the phrases inside sentences are in HelpBot.Language's Vocabulary.
    private static readonly HashSet<string> Cancel = new(StringComparer.Ordinal) { "取消", "算了", "不用了", "退出", "cancel", "stop", "quit", "never mind", "nevermind" };
    private static readonly HashSet<string> Help = new(StringComparer.Ordinal) { "帮助", "help", "?", "？", "怎么用", "菜单", "menu" };
    private static readonly HashSet<string> StartOver = new(StringComparer.Ordinal) { "重新开始", "从头开始", "重来", "start over", "restart", "reset" };

    /// <summary>True when the whole message is one of the bare command words (other interruptions leave those alone).</summary>
    public static bool IsExactCommand(string? text)
    {
        var command = TextInput.NormalizeAnswer(text);
        return Cancel.Contains(command) || Help.Contains(command) || StartOver.Contains(command);
    }

    public async Task<bool> TryInterruptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var text = dc.Context.Activity.Text;
        var command = await CommandAsync(dc, text, cancellationToken);
        var turn = dc.Context.Turn();
        switch (command)
        {
            case ConversationCommand.NeverMind:
                var hadFlow = dc.ActiveDialog is not null;
                await dc.CancelAllDialogsAsync(cancellationToken);
                turn.Data.QueuedRequests = null;
                var key = hadFlow ? nameof(Strings.Command_Cancelled) : nameof(Strings.Command_NothingToCancel);
                await dc.Context.SendActivityAsync(MainMenu.Reply(turn.Text(key), turn), cancellationToken);
                return true;

            case ConversationCommand.Help:
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

            case ConversationCommand.StartOver:
                await dc.CancelAllDialogsAsync(cancellationToken);
                turn.Data.ForgetOrders();
                turn.Data.QueuedRequests = null;
                await RootDialog.SendWelcomeAsync(dc.Context, cancellationToken);
                return true;

            default:
                return false;
        }
    }

    private async Task<ConversationCommand> CommandAsync(DialogContext dc, string? text, CancellationToken cancellationToken)
    {
        var exact = TextInput.NormalizeAnswer(text);
        if (Cancel.Contains(exact))
        {
            return ConversationCommand.NeverMind;
        }

        if (Help.Contains(exact))
        {
            return ConversationCommand.Help;
        }

        if (StartOver.Contains(exact))
        {
            return ConversationCommand.StartOver;
        }

        var reading = AnswerReader.Read(text);
        var said = reading.Command;
        if (said == ConversationCommand.None || OrderNumber.Find(text) is not null
            // With no flow going there is nothing to stop: "不用了谢谢" is a goodbye, which the root dialog answers.
            || (said == ConversationCommand.NeverMind && dc.ActiveDialog is null)
            || await dc.ActivePromptRecognizesAsync(cancellationToken))
        {
            return ConversationCommand.None;
        }

        // The whole message, and each clause without the command word ("算了 | 我要找人工客服"), may be a request.
        var language = dc.Context.Turn().Language;
        foreach (var part in OrderRequests.Clauses(text).Where(c => AnswerReader.Read(c).Command == ConversationCommand.None).Prepend(text!))
        {
            var intent = await recognizer.RecognizeAsync(part, language, cancellationToken);
            if (Requests.Contains(intent.Intent) && intent.Score >= RequestOverCommand)
            {
                return ConversationCommand.None;
            }
        }

        return said;
    }
}
