namespace HelpBot.Language.Model;

/// <summary>What the recognizer understood from one message.</summary>
/// <param name="Intent">The winning intent, one of <see cref="IntentLabels.All"/>.</param>
/// <param name="Score">Confidence of <paramref name="Intent"/>, 0..1.</param>
/// <param name="TopIntents">All intents ranked by score, best first.</param>
/// <param name="Entities">Entities in order of appearance.</param>
/// <param name="DetectedLanguage">"zh-CN" or "en-US".</param>
public sealed record RecognitionResult(
    string Intent,
    double Score,
    IReadOnlyList<IntentScore> TopIntents,
    IReadOnlyList<RecognizedEntity> Entities,
    string DetectedLanguage);
