namespace HelpBot.Language.Model;

/// <summary>An intent with its probability (0..1).</summary>
public sealed record IntentScore(string Intent, double Score);
