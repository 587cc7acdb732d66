using System.Security.Cryptography;
using HelpBot.Channels.DirectLine.Configuration;
using HelpBot.Channels.DirectLine.Security;
using Microsoft.Extensions.Options;

namespace HelpBot.Channels.DirectLine.Storage;

/// <summary>Process-local attachment store holding at most MaxAttachmentStoreBytes; the oldest files are evicted.</summary>
public sealed class InMemoryDirectLineAttachmentStore : IDirectLineAttachmentStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StoredAttachment> _byId = new(StringComparer.Ordinal);
    private readonly Queue<string> _byAge = new();
    private readonly long _maxBytes;
    private long _bytes;

    public InMemoryDirectLineAttachmentStore(IOptions<DirectLineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _maxBytes = options.Value.MaxAttachmentStoreBytes;
    }

    public ValueTask<StoredAttachment> AddAsync(string conversationId, string name, string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var attachment = new StoredAttachment(Base64Url.Encode(RandomNumberGenerator.GetBytes(16)), conversationId, name, contentType, content.ToArray());
        lock (_gate)
        {
            _byId[attachment.Id] = attachment;
            _byAge.Enqueue(attachment.Id);
            _bytes += attachment.Content.Length;
            while (_bytes > _maxBytes && _byAge.Count > 1 && _byAge.TryDequeue(out var oldest))
            {
                if (_byId.Remove(oldest, out var evicted))
                    _bytes -= evicted.Content.Length;
            }
        }

        return ValueTask.FromResult(attachment);
    }

    public ValueTask<StoredAttachment?> FindAsync(string attachmentId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_byId.TryGetValue(attachmentId, out var attachment) ? attachment : null);
        }
    }
}
