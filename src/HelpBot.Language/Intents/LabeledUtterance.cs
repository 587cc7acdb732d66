namespace HelpBot.Language.Intents;

/// <summary>One line of an intent data file: intent \t locale \t text.</summary>
public sealed record LabeledUtterance(string Intent, string Locale, string Text);
