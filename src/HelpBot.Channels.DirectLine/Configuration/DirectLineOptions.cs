using System.ComponentModel.DataAnnotations;

namespace HelpBot.Channels.DirectLine.Configuration;

/// <summary>Settings of the embedded Direct Line 3.0 compatible channel (configuration section "DirectLine").</summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>
    /// The Direct Line secret: the master credential that may generate tokens and start conversations.
    /// When empty a random one is generated at start-up and logged (development only).
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>The bot's messaging endpoint; when unset, the host's own /api/messages on a loopback listening address.</summary>
    public Uri? BotEndpoint { get; set; }

    /// <summary>
    /// Base URL of the channel's bot-facing Bot Connector API (the activities' serviceUrl), ending with '/'.
    /// When unset, http://{loopback listening address}{BotApiPath}/.
    /// </summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>
    /// Base URL at which clients (web chat, the mobile app) reach this host, e.g. https://help.example.com/.
    /// Used for attachment contentUrls and, when set, for streamUrls. When unset, attachments are served under the
    /// bot-facing base (ServiceUrl's origin) and streamUrls follow the request's own scheme and host.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Path of the bot-facing Bot Connector subset on this host.</summary>
    public string BotApiPath { get; set; } = "/directline/connector";

    /// <summary>Path under which stored attachments are served.</summary>
    public string AttachmentsPath { get; set; } = "/directline/attachments";

    /// <summary>Whether the bot-facing API accepts callers that are not on a loopback address (a remote bot).</summary>
    public bool AllowRemoteBot { get; set; }

    /// <summary>The bot's account id, used as recipient of user activities and sender of bot activities lacking one.</summary>
    [Required]
    public string BotId { get; set; } = "helpbot";

    public string BotName { get; set; } = "HelpBot";

    /// <summary>Lifetime of issued tokens; the real service uses one hour.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long the channel waits for the bot to accept a forwarded activity.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan BotTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Interval of the empty heartbeat messages sent on idle WebSocket streams.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan StreamHeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Conversations kept in memory; the least recently active one is evicted beyond this.</summary>
    [Range(1, 1_000_000)]
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>Activities kept per conversation; the oldest are dropped beyond this (watermarks keep increasing).</summary>
    [Range(1, 100_000)]
    public int MaxActivitiesPerConversation { get; set; } = 500;

    /// <summary>Largest accepted activity JSON body in bytes.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>Largest file accepted by the upload endpoint, in bytes.</summary>
    [Range(1, 256L * 1024 * 1024)]
    public long MaxUploadFileBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest upload request (all files together), in bytes.</summary>
    [Range(1, 1024L * 1024 * 1024)]
    public long MaxUploadTotalBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Total bytes of attachments kept in memory; the oldest are evicted beyond this.</summary>
    [Range(1, 8L * 1024 * 1024 * 1024)]
    public long MaxAttachmentStoreBytes { get; set; } = 64 * 1024 * 1024;
}
