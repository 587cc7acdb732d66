using HelpBot.AgentDesk.Evidence;
using HelpBot.Channels.DirectLine.Delivery;

namespace HelpBot.Hosting;

/// <summary>The embedded Direct Line's attachment host: screenshots uploaded through it may be downloaded even on loopback.</summary>
public sealed class DirectLineAttachmentHostSource(DirectLineChannelUrls urls) : IAttachmentHostSource
{
    public IEnumerable<Uri> TrustedAttachmentBaseUrls()
    {
        Uri baseUrl;
        try
        {
            baseUrl = urls.AttachmentBaseUrl;
        }
        catch (InvalidOperationException)
        {
            // The server has no address yet (not started): nothing is trusted.
            yield break;
        }

        yield return baseUrl;
    }
}
