using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace HelpBot.Dialogs.Engine;

public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext step, CancellationToken cancellationToken);

/// <summary>
/// A dialog made of steps that run one after another: each step asks something (starts a prompt or child dialog) and
/// the next step receives the answer in <see cref="WaterfallStepContext.Result"/>.
/// </summary>
public class WaterfallDialog : Dialog
{
    private const string StepIndexKey = "step";
    private const string OptionsKey = "options";
    private const string ValuesKey = "values";

    private readonly List<WaterfallStep> _steps;

    public WaterfallDialog(string id, IEnumerable<WaterfallStep>? steps = null)
        : base(id)
    {
        _steps = [.. steps ?? []];
    }

    /// <summary>Adds a step; subclasses add their own step methods in their constructor.</summary>
    public WaterfallDialog AddStep(WaterfallStep step)
    {
        _steps.Add(step ?? throw new ArgumentNullException(nameof(step)));
        return this;
    }

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        if (_steps.Count == 0)
        {
            throw new InvalidOperationException($"Waterfall '{Id}' has no steps.");
        }

        var instance = dc.ActiveDialog!;
        if (options is not null)
        {
            instance.Set(OptionsKey, options);
        }

        instance.State[ValuesKey] = new JObject();
        return RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        // Only messages move a waterfall on; events, typing and the like leave it waiting.
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return Task.FromResult(DialogTurnResult.Waiting);
        }

        return ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken);
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        var index = dc.ActiveDialog!.Get<int>(StepIndexKey);
        return RunStepAsync(dc, index + 1, reason, result, cancellationToken);
    }

    internal async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken);
        }

        var instance = dc.ActiveDialog!;
        instance.Set(StepIndexKey, index);
        if (instance.State[ValuesKey] is not JObject values)
        {
            values = [];
            instance.State[ValuesKey] = values;
        }

        var step = new WaterfallStepContext(this, dc, index, reason, result, instance.State[OptionsKey], values);
        return await _steps[index](step, cancellationToken);
    }
}

/// <summary>What a waterfall step sees: the answer to the previous step, the dialog's options and its saved values.</summary>
public sealed class WaterfallStepContext
{
    private readonly WaterfallDialog _parent;
    private readonly JToken? _options;
    private readonly JObject _values;

    internal WaterfallStepContext(WaterfallDialog parent, DialogContext dc, int index, DialogReason reason, object? result, JToken? options, JObject values)
    {
        _parent = parent;
        Dialog = dc;
        Index = index;
        Reason = reason;
        Result = result;
        _options = options;
        _values = values;
    }

    public DialogContext Dialog { get; }

    public ITurnContext Context => Dialog.Context;

    public int Index { get; }

    public DialogReason Reason { get; }

    /// <summary>The previous step's answer: a prompt's value, a child dialog's result, or the message text.</summary>
    public object? Result { get; }

    public T? GetOptions<T>() => _options is null || _options.Type == JTokenType.Null ? default : _options.ToObject<T>(StateSerializer.Instance);

    public T? GetValue<T>(string key) =>
        _values.TryGetValue(key, StringComparison.Ordinal, out var token) && token.Type != JTokenType.Null
            ? token.ToObject<T>(StateSerializer.Instance)
            : default;

    public void SetValue<T>(string key, T? value) =>
        _values[key] = value is null ? JValue.CreateNull() : JToken.FromObject(value, StateSerializer.Instance);

    /// <summary>Skips to the next step without waiting for the customer.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default) =>
        _parent.RunStepAsync(Dialog, Index + 1, DialogReason.ContinueCalled, result, cancellationToken);

    public Task<DialogTurnResult> EndAsync(object? result = null, CancellationToken cancellationToken = default) =>
        Dialog.EndDialogAsync(result, cancellationToken);

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default) =>
        Dialog.BeginDialogAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default) =>
        Dialog.PromptAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default) =>
        Dialog.ReplaceDialogAsync(dialogId, options, cancellationToken);
}
