namespace HelpBot.Endpoints;

/// <summary>
/// Configuration section <c>HelpBot:Nlu</c>: the limit on POST /api/nlu/parse in production (a MicrosoftAppId is
/// configured), where it needs an operator token (one of AgentDesk:Tokens). One budget for the whole instance: the API is
/// a diagnostic for operators, and every parse costs CPU that customers' turns share.
/// </summary>
public sealed class NluApiOptions
{
    public const string SectionName = "HelpBot:Nlu";

    /// <summary>Parses allowed per <see cref="Window"/>; more get 429.</summary>
    public int PermitLimit { get; set; } = 60;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
