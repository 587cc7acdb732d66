namespace HelpBot.AgentDesk.Evidence;

/// <summary>
/// The attachment base URLs of channels the bot runs itself (the embedded Direct Line's
/// <c>DirectLineChannelUrls.AttachmentBaseUrl</c>). Downloads from them are allowed even on loopback or a private
/// network, because they are this deployment's own channel. The host registers one per channel.
/// </summary>
public interface IAttachmentHostSource
{
    IEnumerable<Uri> TrustedAttachmentBaseUrls();
}
