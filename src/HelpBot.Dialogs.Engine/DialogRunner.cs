using Microsoft.Bot.Schema;

namespace HelpBot.Dialogs.Engine;

/// <summary>
/// Something the customer can say at any step that takes precedence over the active dialog (cancel, help, start over,
/// ask for a human). Returns true when it handled the turn.
/// </summary>
public interface IDialogInterruption
{
    Task<bool> TryInterruptAsync(DialogContext dc, CancellationToken cancellationToken);
}

/// <summary>Runs one turn: interruptions first, then the active dialog, and the root dialog when nothing is active.</summary>
public static class DialogRunner
{
    public static async Task<DialogTurnResult> RunAsync(
        DialogContext dc,
        string rootDialogId,
        IEnumerable<IDialogInterruption> interruptions,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(interruptions);

        if (dc.Context.Activity.Type == ActivityTypes.Message)
        {
            foreach (var interruption in interruptions)
            {
                if (await interruption.TryInterruptAsync(dc, cancellationToken))
                {
                    return dc.ActiveDialog is null ? DialogTurnResult.Empty : DialogTurnResult.Waiting;
                }
            }
        }

        var result = await dc.ContinueDialogAsync(cancellationToken);
        if (result.Status == DialogTurnStatus.Empty && dc.Context.Activity.Type == ActivityTypes.Message)
        {
            result = await dc.BeginDialogAsync(rootDialogId, null, cancellationToken);
        }

        return result;
    }
}
