using System.Globalization;
using System.Security.Cryptography;
using HelpBot.AgentDesk.Storage;
using Microsoft.Bot.Builder;

namespace HelpBot.AgentDesk.Cases;

/// <summary>
/// Cases (<c>cases/{id}</c>) and the queue of open cases (<c>cases/queue</c>) in IStorage, so every bot instance
/// sharing the storage sees and answers the same cases. All changes are ETag-checked read-modify-writes.
/// </summary>
public sealed class CaseStore
{
    public const string QueueKey = "cases/queue";

    private readonly IStorage _storage;
    private readonly TimeProvider _time;

    public CaseStore(IStorage storage, TimeProvider time)
    {
        _storage = storage;
        _time = time;
    }

    public static string KeyFor(string caseId) => "cases/" + caseId;

    /// <summary>A new case number: "HB", the date and six random digits (readable over the phone, not guessable in sequence).</summary>
    public string NewCaseId()
    {
        var date = _time.GetUtcNow().ToString("yyMMdd", CultureInfo.InvariantCulture);
        return "HB" + date + RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>Stores a new case and puts it at the end of the queue.</summary>
    public async Task<EscalationCase> OpenAsync(EscalationCase escalation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        escalation.Status = CaseStatus.Waiting;
        escalation.ETag = null;
        var (stored, written) = await StorageItems.UpdateAsync<EscalationCase>(
            _storage,
            KeyFor(escalation.Id),
            existing => existing is null ? escalation : null,
            cancellationToken);
        if (!written)
        {
            throw new InvalidOperationException($"Case {escalation.Id} exists already.");
        }

        await SyncQueueAsync(stored!, cancellationToken);
        return stored!;
    }

    public Task<EscalationCase?> GetAsync(string caseId, CancellationToken cancellationToken) =>
        StorageItems.ReadAsync<EscalationCase>(_storage, KeyFor(caseId), cancellationToken);

    /// <summary>
    /// Changes a case: <paramref name="change"/> returns false to leave it as it is (e.g. it is already claimed).
    /// The queue follows the case's status. Returns the case as last seen (null when it does not exist).
    /// </summary>
    public async Task<(EscalationCase? Case, bool Changed)> UpdateAsync(string caseId, Func<EscalationCase, bool> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (item, written) = await StorageItems.UpdateAsync<EscalationCase>(
            _storage,
            KeyFor(caseId),
            current => current is not null && change(current) ? current : null,
            cancellationToken);
        if (written)
        {
            await SyncQueueAsync(item!, cancellationToken);
        }

        return (item, written);
    }

    /// <summary>The open cases, oldest first.</summary>
    public async Task<IReadOnlyList<QueueEntry>> OpenCasesAsync(CancellationToken cancellationToken)
    {
        var index = await StorageItems.ReadAsync<QueueIndex>(_storage, QueueKey, cancellationToken);
        return [.. (index?.Entries ?? []).OrderBy(e => e.CreatedAt).ThenBy(e => e.Id, StringComparer.Ordinal)];
    }

    /// <summary>1 for the next case an agent takes; null when the case is not waiting.</summary>
    public async Task<int?> PositionAsync(string caseId, CancellationToken cancellationToken)
    {
        var waiting = (await OpenCasesAsync(cancellationToken)).Where(e => e.Status == CaseStatus.Waiting).ToList();
        var index = waiting.FindIndex(e => e.Id == caseId);
        return index < 0 ? null : index + 1;
    }

    private Task SyncQueueAsync(EscalationCase escalation, CancellationToken cancellationToken) =>
        StorageItems.UpdateAsync<QueueIndex>(
            _storage,
            QueueKey,
            index =>
            {
                index ??= new QueueIndex();
                index.Entries.RemoveAll(e => e.Id == escalation.Id);
                if (escalation.IsOpen)
                {
                    index.Entries.Add(QueueEntry.For(escalation));
                }

                return index;
            },
            cancellationToken);
}
