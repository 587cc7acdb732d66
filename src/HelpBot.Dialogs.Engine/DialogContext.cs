using Microsoft.Bot.Builder;

namespace HelpBot.Dialogs.Engine;

/// <summary>
/// The dialog stack of one conversation during one turn. The top of the stack is the last element. The stack list is
/// the one persisted in conversation state, so every change here is saved with the turn.
/// </summary>
public sealed class DialogContext
{
    public DialogContext(DialogSet dialogs, ITurnContext context, List<DialogInstance> stack)
    {
        Dialogs = dialogs ?? throw new ArgumentNullException(nameof(dialogs));
        Context = context ?? throw new ArgumentNullException(nameof(context));
        Stack = stack ?? throw new ArgumentNullException(nameof(stack));
    }

    public DialogSet Dialogs { get; }

    public ITurnContext Context { get; }

    // Internal: flows change the stack only through the methods below, so every push and pop runs the dialogs' hooks.
    internal List<DialogInstance> Stack { get; }

    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[^1] : null;

    /// <summary>True when the active dialog is a prompt that would take this turn's message as its answer.</summary>
    public async Task<bool> ActivePromptRecognizesAsync(CancellationToken cancellationToken = default) =>
        ActiveDialog is { } active
        && Dialogs.Find(active.Id) is IAnswerPrompt prompt
        && await prompt.RecognizesAsync(Context, active, cancellationToken);
    /// <summary>The dialog that started the active one, when there is one.</summary>
    public DialogInstance? ParentDialog => Stack.Count >= 2 ? Stack[^2] : null;

    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        var dialog = FindOrThrow(dialogId);
        Stack.Add(new DialogInstance(dialogId));
        return await dialog.BeginDialogAsync(this, options, cancellationToken);
    }

    /// <summary>Starts a prompt; the same as <see cref="BeginDialogAsync"/> with typed options.</summary>
    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default) =>
        BeginDialogAsync(dialogId, options, cancellationToken);

    /// <summary>Passes the current message to the active dialog; <see cref="DialogTurnStatus.Empty"/> when there is none.</summary>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        var active = ActiveDialog;
        if (active is null)
        {
            return DialogTurnResult.Empty;
        }

        var dialog = Dialogs.Find(active.Id);
        if (dialog is null)
        {
            // State written by an older version that had a dialog this one does not: drop it rather than fail every turn.
            Stack.Clear();
            return DialogTurnResult.Empty;
        }

        return await dialog.ContinueDialogAsync(this, cancellationToken);
    }

    /// <summary>Ends the active dialog and resumes its parent with <paramref name="result"/>.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        await PopAsync(DialogReason.EndCalled, cancellationToken);

        var parent = ActiveDialog;
        if (parent is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Complete, result);
        }

        var dialog = FindOrThrow(parent.Id);
        return await dialog.ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken);
    }

    /// <summary>Ends every dialog on the stack, innermost first.</summary>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        if (Stack.Count == 0)
        {
            return DialogTurnResult.Empty;
        }

        while (Stack.Count > 0)
        {
            await PopAsync(DialogReason.CancelCalled, cancellationToken);
        }

        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    /// <summary>Ends the active dialog and starts another in its place, without resuming the parent in between.</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        await PopAsync(DialogReason.ReplaceCalled, cancellationToken);
        return await BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Asks the active dialog to ask its question again.</summary>
    public async Task RepromptDialogAsync(CancellationToken cancellationToken = default)
    {
        var active = ActiveDialog;
        if (active is not null && Dialogs.Find(active.Id) is { } dialog)
        {
            await dialog.RepromptDialogAsync(Context, active, cancellationToken);
        }
    }

    private async Task PopAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        var active = ActiveDialog;
        if (active is null)
        {
            return;
        }

        if (Dialogs.Find(active.Id) is { } dialog)
        {
            await dialog.EndDialogAsync(Context, active, reason, cancellationToken);
        }

        Stack.RemoveAt(Stack.Count - 1);
    }

    private Dialog FindOrThrow(string dialogId) =>
        Dialogs.Find(dialogId) ?? throw new InvalidOperationException($"No dialog with id '{dialogId}' is registered.");
}
