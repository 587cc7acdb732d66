using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace HelpBot.Dialogs.Engine;

public sealed record PromptRecognizerResult<T>(bool Succeeded, T? Value)
{
    public static PromptRecognizerResult<T> Failed { get; } = new(false, default);

    public static PromptRecognizerResult<T> Of(T value) => new(true, value);
}

/// <summary>Reads a waiting prompt's saved options from its stack entry (for interruptions that must not steal its answers).</summary>
public static class PromptState
{
    internal const string OptionsKey = "options";

    /// <summary>True when <paramref name="text"/> is one of the choices the prompt on <paramref name="instance"/> offered.</summary>
    public static bool IsOfferedChoice(DialogInstance instance, string? text)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var choices = Read(instance, withActivities: false).Choices;
        return choices is { Count: > 0 } && ChoiceRecognizer.Recognize(text, choices) is not null;
    }

    /// <summary>How many answers the prompt on <paramref name="instance"/> takes before it gives up.</summary>
    public static int MaxAttempts(DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return Read(instance, withActivities: false).MaxAttempts;
    }

    /// <summary>
    /// Whether the customer was already told how to answer this prompt (see the interruption that gives the hint): the
    /// hint is given once, the next unreadable answer is a new request.
    /// </summary>
    public static bool WasHinted(DialogInstance instance) => instance?.State[HintedKey] is JValue { Type: JTokenType.Boolean } v && v.Value<bool>();

    public static void MarkHinted(DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        instance.State[HintedKey] = true;
    }

    private const string HintedKey = "hinted";

    /// <summary>
    /// The saved options. Without <paramref name="withActivities"/> only what recognition needs (choices, attempts):
    /// the question and retry activities are most of the JSON and are read only when a prompt is sent again.
    /// </summary>
    internal static PromptOptions Read(DialogInstance instance, bool withActivities)
    {
        if (instance.State[OptionsKey] is not JObject saved)
        {
            return new PromptOptions();
        }

        if (withActivities)
        {
            return instance.Get<PromptOptions>(OptionsKey) ?? new PromptOptions();
        }

        var options = new PromptOptions
        {
            Choices = saved[nameof(PromptOptions.Choices)] is JArray choices ? choices.ToObject<List<Choice>>(StateSerializer.Instance) : null,
        };
        if (saved[nameof(PromptOptions.MaxAttempts)] is JValue { Type: JTokenType.Integer } maxAttempts)
        {
            options.MaxAttempts = maxAttempts.Value<int>();
        }

        return options;
    }
}

/// <summary>
/// A prompt that can say, without taking the turn, whether it would accept the message as its answer (before
/// validation): interruptions use it to leave answers to the question alone.
/// </summary>
public interface IAnswerPrompt
{
    /// <summary>
    /// True for prompts that take any text (an address, a description): for them "recognised" says nothing, so they
    /// never claim a message ahead of commands and social words ("算了", "ok thanks bye").
    /// </summary>
    bool TakesAnyText { get; }

    Task<bool> RecognizesAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken);
}

/// <summary>What a validator sees: the recognized value, the options, and how many answers were given so far (1 on the first).</summary>
public sealed record PromptValidatorContext<T>(ITurnContext Context, PromptRecognizerResult<T> Recognized, PromptOptions Options, int AttemptCount);

/// <summary>Decides whether a recognized value is acceptable. It may send its own explanation; then the retry prompt is not sent.</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> prompt, CancellationToken cancellationToken);

/// <summary>
/// Asks a question and waits for an answer of type <typeparamref name="T"/>, modelled on Bot Framework's Prompt:
/// recognize, validate, retry with the retry prompt, and give up after <see cref="PromptOptions.MaxAttempts"/>.
/// </summary>
public abstract class Prompt<T> : Dialog, IAnswerPrompt
{
    private const string OptionsKey = PromptState.OptionsKey;
    private const string AttemptsKey = "attempts";

    private readonly PromptValidator<T>? _validator;

    protected Prompt(string id, PromptValidator<T>? validator)
        : base(id)
    {
        _validator = validator;
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var promptOptions = options as PromptOptions ?? throw new ArgumentException("A prompt needs PromptOptions.", nameof(options));
        var instance = dc.ActiveDialog!;
        instance.Set(OptionsKey, promptOptions);
        instance.Set(AttemptsKey, 0);
        await OnPromptAsync(dc.Context, promptOptions, isRetry: false, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return DialogTurnResult.Waiting;
        }

        var instance = dc.ActiveDialog!;
        // Validators see everything; recognition needs only the choices.
        var options = PromptState.Read(instance, withActivities: _validator is not null);
        var attempts = instance.Get<int>(AttemptsKey) + 1;
        instance.Set(AttemptsKey, attempts);

        var recognized = await OnRecognizeAsync(dc.Context, options, cancellationToken);
        var valid = recognized.Succeeded
            && (_validator is null || await _validator(new PromptValidatorContext<T>(dc.Context, recognized, options, attempts), cancellationToken));

        if (valid)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken);
        }

        if (attempts >= Math.Max(1, options.MaxAttempts))
        {
            return await dc.EndDialogAsync(PromptAttemptsExhausted.Instance, cancellationToken);
        }

        if (!dc.Context.Responded)
        {
            await OnPromptAsync(dc.Context, PromptState.Read(instance, withActivities: true), isRetry: true, cancellationToken);
        }

        return DialogTurnResult.Waiting;
    }

    public virtual bool TakesAnyText => false;

    public async Task<bool> RecognizesAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken) =>
        !TakesAnyText && (await OnRecognizeAsync(turnContext, PromptState.Read(instance, withActivities: false), cancellationToken)).Succeeded;

    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        await OnPromptAsync(turnContext, PromptState.Read(instance, withActivities: true), isRetry: false, cancellationToken);
    }

    protected virtual async Task OnPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        var activity = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        if (activity is not null)
        {
            // A fresh copy each time: the adapter stamps ids and conversation fields on what it sends.
            var copy = CloneForSending(activity);
            await turnContext.SendActivityAsync(copy, cancellationToken);
        }
    }

    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken);

    private static Activity CloneForSending(Activity activity)
    {
        var copy = MessageFactory.Text(activity.Text, activity.Speak, activity.InputHint);
        copy.Type = activity.Type ?? ActivityTypes.Message;
        copy.TextFormat = activity.TextFormat;
        copy.SuggestedActions = activity.SuggestedActions;
        copy.Attachments = activity.Attachments;
        copy.AttachmentLayout = activity.AttachmentLayout;
        copy.Locale = activity.Locale;
        return copy;
    }
}
