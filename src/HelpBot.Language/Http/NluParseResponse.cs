using HelpBot.Language.Model;

namespace HelpBot.Language.Http;

/// <summary>Body of a successful POST /api/nlu/parse.</summary>
public sealed record NluParseResponse(
    string Intent,
    double Score,
    IReadOnlyList<NluEntity> Entities,
    IReadOnlyList<NluIntentScore> TopIntents,
    string Language)
{
    public static NluParseResponse From(RecognitionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new NluParseResponse(
            result.Intent,
            Math.Round(result.Score, 4),
            [.. result.Entities.Select(e => new NluEntity(e.Type, e.Value, e.Text))],
            [.. result.TopIntents.Select(s => new NluIntentScore(s.Intent, Math.Round(s.Score, 4)))],
            result.DetectedLanguage);
    }
}

public sealed record NluEntity(string Type, string Value, string Text);

public sealed record NluIntentScore(string Intent, double Score);

/// <summary>Body of every 4xx answer.</summary>
public sealed record NluError(string Error);
