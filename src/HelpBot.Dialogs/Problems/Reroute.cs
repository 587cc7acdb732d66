using HelpBot.Dialogs.Conversation;
using HelpBot.Dialogs.Engine;

namespace HelpBot.Dialogs.Problems;

/// <summary>
/// When a customer answers a button question with something else ("我还有个支付问题"), they have moved on: the current
/// flow ends and the message is routed from the start, instead of being asked the same question again.
/// </summary>
public static class Reroute
{
    public static async Task<DialogTurnResult> ToRootAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        await dc.CancelAllDialogsAsync(cancellationToken);
        return await dc.BeginDialogAsync(RootDialog.DialogId, null, cancellationToken);
    }
}
