using HelpBot.AgentDesk.Cases;
using HelpBot.AgentDesk.Storage;
using Microsoft.Bot.Builder;

namespace HelpBot.AgentDesk.Evidence;

/// <summary>Screenshot bytes in IStorage, one item per screenshot, so a case item stays small.</summary>
public sealed class AttachmentStore
{
    private readonly IStorage _storage;
    private readonly TimeProvider _time;

    public AttachmentStore(IStorage storage, TimeProvider time)
    {
        _storage = storage;
        _time = time;
    }

    public static string KeyFor(string caseId, string attachmentId) => $"attachments/{caseId}/{attachmentId}";

    public async Task<CaseAttachment> SaveAsync(string caseId, FetchedImage image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var id = Guid.NewGuid().ToString("N");
        var item = new StoredEvidence { ContentType = image.ContentType, ContentBase64 = Convert.ToBase64String(image.Content), Size = image.Content.Length };
        await StorageItems.WriteAsync(_storage, KeyFor(caseId, id), item, cancellationToken);
        return new CaseAttachment(id, image.ContentType, image.Content.Length, _time.GetUtcNow(), image.Name, image.SourceUrl);
    }

    public async Task<(string ContentType, byte[] Content)?> GetAsync(string caseId, string attachmentId, CancellationToken cancellationToken)
    {
        var item = await StorageItems.ReadAsync<StoredEvidence>(_storage, KeyFor(caseId, attachmentId), cancellationToken);
        return item is null ? null : (item.ContentType, Convert.FromBase64String(item.ContentBase64));
    }
}
