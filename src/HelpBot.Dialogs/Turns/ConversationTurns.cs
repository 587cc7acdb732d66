using HelpBot.Dialogs.Engine;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace HelpBot.Dialogs.Turns;

/// <summary>
/// The one place a turn of a conversation is opened, whoever starts it (a customer's message in <see cref="SupportBot"/>,
/// an agent's action through the desk bridge): hold the conversation's lock, load its state, attach the turn, run, save.
/// The turn error handler forgets a broken conversation here too, which is why the dialogs are the caller's: the
/// adapter is built before the platform clients the dialogs need can be (the embedded sandbox starts with the host).
/// </summary>
public sealed class ConversationTurns
{
    private readonly ConversationStateStore _store;
    private readonly IConversationTurnLock _turnLock;

    public ConversationTurns(ConversationStateStore store, IConversationTurnLock turnLock)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _turnLock = turnLock ?? throw new ArgumentNullException(nameof(turnLock));
    }

    /// <summary>The state key of the activity's conversation.</summary>
    public static string KeyFor(IActivity activity) => ConversationStateStore.KeyFor(activity);

    /// <summary>
    /// Runs one turn of the conversation <paramref name="key"/>: <paramref name="open"/> makes the turn from the loaded
    /// state (language, customer), <paramref name="run"/> does the work with <paramref name="dialogs"/> on the
    /// conversation's stack, and the state is saved afterwards. A turn that throws saves nothing.
    /// </summary>
    public async Task RunAsync(
        ITurnContext context,
        string key,
        DialogSet dialogs,
        Func<ConversationData, CancellationToken, Task<TurnInfo>> open,
        Func<TurnInfo, DialogContext, CancellationToken, Task> run,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(run);
        using var held = await _turnLock.AcquireAsync(key, cancellationToken);
        var data = await _store.LoadAsync(key, cancellationToken);
        var turn = await open(data, cancellationToken);
        context.Attach(turn);
        await run(turn, new DialogContext(dialogs, context, data.DialogStack), cancellationToken);
        await _store.SaveAsync(key, data, cancellationToken);
    }

    /// <summary>Deletes the conversation's state, so a broken dialog stack cannot fail every following turn too.</summary>
    public Task ForgetAsync(IActivity activity, CancellationToken cancellationToken) =>
        _store.DeleteAsync(KeyFor(activity), cancellationToken);
}
