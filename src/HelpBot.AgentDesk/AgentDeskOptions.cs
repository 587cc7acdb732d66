namespace HelpBot.AgentDesk;

/// <summary>Configuration section <c>AgentDesk</c>.</summary>
public sealed class AgentDeskOptions
{
    public const string SectionName = "AgentDesk";

    /// <summary>Bearer tokens that open the agent API and desk. None: one random token is generated and logged at start-up.</summary>
    public List<string> Tokens { get; set; } = [];

    /// <summary>Incoming-webhook URL of the agents' Teams channel; empty: new cases are only logged.</summary>
    public Uri? TeamsWebhookUrl { get; set; }

    /// <summary>The desk's public base URL for links in notifications; empty: this host's first listening address.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// Further hosts (host or host:port) screenshots may be downloaded from, besides the channel's own attachment
    /// host. Their addresses must be public: loopback, private and link-local targets are refused.
    /// </summary>
    public List<string> AttachmentHosts { get; set; } = [];

    /// <summary>Attachment base URLs of channels run by us (may be on loopback or a private network), e.g. the embedded Direct Line.</summary>
    public List<Uri> ChannelAttachmentBaseUrls { get; set; } = [];

    public int MaxAttachmentBytes { get; set; } = 4 * 1024 * 1024;

    public int MaxAttachmentsPerCase { get; set; } = 5;

    /// <summary>
    /// Largest picture accepted, in pixels as its header declares them (width x height); 50 million holds a 48 MP phone
    /// photo. Decoded, every pixel takes 4 bytes in the agent's browser.
    /// </summary>
    public long MaxImagePixels { get; set; } = 50_000_000;

    /// <summary>Time limit for downloading one screenshot, from the request to the last byte of the body.</summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Activities kept per conversation transcript when transcripts are IStorage items (<see cref="Transcripts.StorageTranscriptStore"/>,
    /// no Redis); the oldest are dropped beyond it.
    /// </summary>
    public int MaxTranscriptActivities { get; set; } = 1000;

    /// <summary>
    /// Turns kept per conversation transcript in Redis (<see cref="Transcripts.RedisTranscriptStore"/>, one list element
    /// per turn); the oldest are dropped beyond it. 500 turns are about 1 000-1 500 activities.
    /// </summary>
    public int MaxTranscriptTurns { get; set; } = 500;
}
