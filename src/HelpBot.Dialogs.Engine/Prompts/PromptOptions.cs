using Microsoft.Bot.Schema;

namespace HelpBot.Dialogs.Engine;

/// <summary>What a prompt says and accepts. Saved in dialog state, so it must stay plain data.</summary>
public sealed class PromptOptions
{
    /// <summary>The question, with its buttons if any.</summary>
    public Activity? Prompt { get; set; }

    /// <summary>Said when an answer was not understood or not valid; defaults to <see cref="Prompt"/>.</summary>
    public Activity? RetryPrompt { get; set; }

    /// <summary>The answers a choice prompt accepts (also a confirm prompt's yes and no buttons).</summary>
    public List<Choice>? Choices { get; set; }

    /// <summary>How many answers the prompt takes before it gives up and ends with <see cref="PromptAttemptsExhausted"/>.</summary>
    public int MaxAttempts { get; set; } = 3;
}

/// <summary>One accepted answer: <see cref="Value"/> is what the dialog receives; <see cref="Title"/> is what the button shows.</summary>
public sealed record Choice(string Value, string? Title = null, IReadOnlyList<string>? Synonyms = null);

/// <summary>A choice prompt's answer: the matched choice and its position.</summary>
public sealed record FoundChoice(string Value, int Index);

/// <summary>The result a prompt ends with when the customer gave no valid answer within its attempts.</summary>
public sealed class PromptAttemptsExhausted
{
    public static PromptAttemptsExhausted Instance { get; } = new();

    private PromptAttemptsExhausted()
    {
    }
}
