using Microsoft.Bot.Builder;

namespace HelpBot.Dialogs.Engine;

/// <summary>
/// A unit of conversation, modelled on Bot Framework's Dialog: it is begun with options, continued by each customer
/// message while it is on top of the stack, and resumed with the result of a child dialog it started.
/// Dialogs are stateless singletons; per-conversation state lives in <see cref="DialogInstance.State"/>.
/// </summary>
public abstract class Dialog
{
    protected Dialog(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    public string Id { get; }

    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken);

    /// <summary>A new message arrived while this dialog is active. The default ends the dialog.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(null, cancellationToken);

    /// <summary>A child dialog ended with <paramref name="result"/>. The default ends this dialog with the same result.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(result, cancellationToken);

    /// <summary>Ask the question again (after help, for example). The default does nothing.</summary>
    public virtual Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>The dialog is leaving the stack (ended, cancelled or replaced).</summary>
    public virtual Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
