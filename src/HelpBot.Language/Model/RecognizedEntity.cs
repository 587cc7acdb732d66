namespace HelpBot.Language.Model;

/// <summary>One entity: its type (see <see cref="EntityTypes"/>), normalised value and the original text span.</summary>
public sealed record RecognizedEntity(string Type, string Value, string Text, int Start, int Length);
