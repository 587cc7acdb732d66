namespace HelpBot.Dialogs.Engine;

/// <summary>The dialogs a conversation can use, by id.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    public DialogSet(IEnumerable<Dialog>? dialogs = null)
    {
        foreach (var dialog in dialogs ?? [])
        {
            Add(dialog);
        }
    }

    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (!_dialogs.TryAdd(dialog.Id, dialog))
        {
            throw new InvalidOperationException($"A dialog with id '{dialog.Id}' is already in the set.");
        }

        return this;
    }

    public Dialog? Find(string id) => _dialogs.GetValueOrDefault(id);
}
