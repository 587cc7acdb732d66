namespace HelpBot.Bot;

/// <summary>Configuration section <c>HelpBot:Input</c>.</summary>
public sealed class InputLimitOptions
{
    public const string SectionName = "HelpBot:Input";

    /// <summary>Characters of a message's text the bot reads; the rest is cut off and the customer is told.</summary>
    public int MaxTextLength { get; set; } = 2000;
}
