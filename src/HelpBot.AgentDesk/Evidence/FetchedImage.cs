namespace HelpBot.AgentDesk.Evidence;

/// <summary>A screenshot that passed every check: its real type (from its bytes), its bytes, and where it came from.</summary>
public sealed record FetchedImage(string ContentType, byte[] Content, string? Name, string? SourceUrl);

/// <summary>Why a customer's attachment was not accepted; each has its own message to the customer.</summary>
public enum EvidenceRejection
{
    None,

    /// <summary>Not a PNG, JPEG or WebP image (checked by content).</summary>
    NotAnImage,

    /// <summary>Larger than AgentDesk:MaxAttachmentBytes.</summary>
    TooLarge,

    /// <summary>Declares more pixels than AgentDesk:MaxImagePixels (read from the header, never decoded).</summary>
    TooManyPixels,

    /// <summary>A URL on a host that is neither the channel's attachment host nor configured.</summary>
    HostNotAllowed,

    /// <summary>The host resolves to a loopback, private, link-local or otherwise internal address.</summary>
    PrivateAddress,

    /// <summary>The download failed (not found, timeout, refused, a redirect, a malformed data: URL).</summary>
    Unavailable,
}

public sealed record EvidenceResult(FetchedImage? Image, EvidenceRejection Rejection)
{
    public static EvidenceResult Accepted(FetchedImage image) => new(image, EvidenceRejection.None);

    public static EvidenceResult Rejected(EvidenceRejection rejection) => new(null, rejection);
}
