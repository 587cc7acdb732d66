using HelpBot.Language.Model;

namespace HelpBot.Language.Entities;

/// <summary>
/// Collects entities in priority order: a candidate that overlaps one already accepted is dropped, so the most
/// specific reading of a span wins (an order number over the numbers inside it, "20分钟前" as a time, not 20 fen).
/// </summary>
internal sealed class EntityCandidates(string original)
{
    private readonly List<RecognizedEntity> _accepted = [];

    public bool Overlaps(int start, int length) =>
        _accepted.Exists(e => start < e.Start + e.Length && e.Start < start + length);

    public void TryAdd(string type, string value, int start, int length)
    {
        if (length <= 0 || start < 0 || start + length > original.Length || Overlaps(start, length))
        {
            return;
        }

        _accepted.Add(new RecognizedEntity(type, value, original.Substring(start, length), start, length));
    }

    public IReadOnlyList<RecognizedEntity> InOrder() => [.. _accepted.OrderBy(e => e.Start)];
}
