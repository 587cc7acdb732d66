using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Turns;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;

namespace HelpBot.Dialogs.Tests.Runtime;

/// <summary>
/// Runs a dialog set turn by turn through TestAdapter, persisting the stack in MemoryStorage between turns exactly as
/// the bot does, so every test also proves the state survives serialisation.
/// </summary>
internal sealed class RuntimeHarness : IBot
{
    private readonly ConversationStateStore _store = new(new MemoryStorage());
    private readonly DialogSet _dialogs;
    private readonly string _rootId;
    private readonly IDialogInterruption[] _interruptions;

    public RuntimeHarness(string rootId, IEnumerable<Dialog> dialogs, params IDialogInterruption[] interruptions)
    {
        _rootId = rootId;
        _dialogs = new DialogSet(dialogs);
        _interruptions = interruptions;
    }

    public List<DialogTurnResult> Results { get; } = [];

    public int LastStackDepth { get; private set; }

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var key = ConversationStateStore.KeyFor(turnContext.Activity);
        var data = await _store.LoadAsync(key, cancellationToken);
        var dc = new DialogContext(_dialogs, turnContext, data.DialogStack);
        Results.Add(await DialogRunner.RunAsync(dc, _rootId, _interruptions, cancellationToken));
        LastStackDepth = dc.Stack.Count;
        await _store.SaveAsync(key, data, cancellationToken);
    }

    public TestFlow Flow() => new(new TestAdapter(), OnTurnAsync);
}
