namespace HelpBot.Channels.DirectLine.Storage;

/// <summary>Files uploaded by users or the bot, addressed by unguessable ids.</summary>
public interface IDirectLineAttachmentStore
{
    /// <summary>Stores a file and returns its id (a 128-bit random value: the URL is the capability to read it).</summary>
    ValueTask<StoredAttachment> AddAsync(string conversationId, string name, string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    ValueTask<StoredAttachment?> FindAsync(string attachmentId, CancellationToken cancellationToken);
}
