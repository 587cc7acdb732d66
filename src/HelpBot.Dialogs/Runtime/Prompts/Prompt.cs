using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace HelpBot.Dialogs.Runtime;

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
        if (instance.State[OptionsKey] is not Newtonsoft.Json.Linq.JObject options || options["Choices"] is not Newtonsoft.Json.Linq.JArray)
        {
            return false;
        }

        var choices = instance.Get<PromptOptions>(OptionsKey)?.Choices;
        return choices is { Count: > 0 } && ChoiceRecognizer.Recognize(text, choices) is not null;
    }
}

/// <summary>What a validator sees: the recognized value, the options, and how many answers were given so far (1 on the first).</summary>
public sealed record PromptValidatorContext<T>(ITurnContext Context, PromptRecognizerResult<T> Recognized, PromptOptions Options, int AttemptCount);

/// <summary>Decides whether a recognized value is acceptable. It may send its own explanation; then the retry prompt is not sent.</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> prompt, CancellationToken cancellationToken);

/// <summary>
/// Asks a question and waits for an answer of type <typeparamref name="T"/>, modelled on Bot Framework's Prompt:
/// recognize, validate, retry with the retry prompt, and give up after <see cref="PromptOptions.MaxAttempts"/>.
/// </summary>
public abstract class Prompt<T> : Dialog
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
        var options = instance.Get<PromptOptions>(OptionsKey) ?? new PromptOptions();
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
            await OnPromptAsync(dc.Context, options, isRetry: true, cancellationToken);
        }

        return DialogTurnResult.Waiting;
    }

    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        var options = instance.Get<PromptOptions>(OptionsKey) ?? new PromptOptions();
        await OnPromptAsync(turnContext, options, isRetry: false, cancellationToken);
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
