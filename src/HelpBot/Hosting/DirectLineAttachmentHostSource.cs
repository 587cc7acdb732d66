using HelpBot.AgentDesk.Evidence;
using HelpBot.Channels.DirectLine.Delivery;

namespace HelpBot.Hosting;

/// <summary>
/// The embedded Direct Line's attachments folder: screenshots uploaded through it may be downloaded even on loopback.
/// Only that folder, not the bot's whole origin (its API, the agent desk, health endpoints).
/// </summary>
public sealed class DirectLineAttachmentHostSource(DirectLineChannelUrls urls) : IAttachmentHostSource
{
    public IEnumerable<Uri> TrustedAttachmentBaseUrls()
    {
        Uri baseUrl;
        try
        {
            baseUrl = urls.AttachmentsUrl;
        }
        catch (InvalidOperationException)
        {
            // The server has no address yet (not started): nothing is trusted.
            yield break;
        }

        yield return baseUrl;
    }
}
