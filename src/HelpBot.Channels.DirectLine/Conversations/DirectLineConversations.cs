using System.Security.Cryptography;
using HelpBot.Channels.DirectLine.Configuration;
using HelpBot.Channels.DirectLine.Delivery;
using HelpBot.Channels.DirectLine.Security;
using HelpBot.Channels.DirectLine.Serialization;
using HelpBot.Channels.DirectLine.Storage;
using HelpBot.Channels.DirectLine.Streaming;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpBot.Channels.DirectLine.Conversations;

/// <summary>
/// The channel's conversation logic shared by the client-facing and bot-facing APIs: starting conversations,
/// stamping activities the way the real service does, logging them and delivering them.
/// </summary>
public sealed class DirectLineConversations
{
    public const string ChannelId = "directline";
    private const int MaxUserIdLength = 256;

    private readonly IDirectLineConversationStore _store;
    private readonly IDirectLineActivityNotifier _notifier;
    private readonly BotActivityForwarder _forwarder;
    private readonly DirectLineChannelUrls _urls;
    private readonly DirectLineOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DirectLineConversations> _logger;

    public DirectLineConversations(
        IDirectLineConversationStore store,
        IDirectLineActivityNotifier notifier,
        BotActivityForwarder forwarder,
        DirectLineChannelUrls urls,
        IOptions<DirectLineOptions> options,
        TimeProvider time,
        ILogger<DirectLineConversations> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _notifier = notifier;
        _forwarder = forwarder;
        _urls = urls;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public ChannelAccount BotAccount => new(_options.BotId, _options.BotName, RoleTypes.Bot);

    public static string NewConversationId() => Base64Url.Encode(RandomNumberGenerator.GetBytes(18));

    public static string NewUserId() => "dl_" + Base64Url.Encode(RandomNumberGenerator.GetBytes(12));

    /// <summary>Checks a client-chosen user id; null or empty means "pick one".</summary>
    public static string ValidateUserId(string? userId)
    {
        if (string.IsNullOrEmpty(userId))
            return NewUserId();
        if (userId.Length > MaxUserIdLength || userId.Any(char.IsControl))
            throw DirectLineException.BadArgument($"user.id must be at most {MaxUserIdLength} characters without control characters.");
        return userId;
    }

    /// <summary>
    /// Starts (or resumes) a conversation. A new one is announced to the bot with a conversationUpdate adding the
    /// bot and the user, on which bots send their welcome; a bot failure there does not fail the start.
    /// </summary>
    public async Task<ConversationStart> StartAsync(string conversationId, string userId, string? locale, CancellationToken cancellationToken)
    {
        var start = await _store.GetOrCreateAsync(conversationId, userId, cancellationToken);
        if (start.Created)
        {
            var user = new ChannelAccount(start.Conversation.UserId, role: RoleTypes.User);
            var update = new Activity(ActivityTypes.ConversationUpdate)
            {
                Id = Base64Url.Encode(RandomNumberGenerator.GetBytes(12)),
                MembersAdded = [BotAccount, user],
                From = user,
                Locale = locale,
            };
            Stamp(update, conversationId, recipient: BotAccount);
            try
            {
                await _forwarder.ForwardAsync(update, cancellationToken);
            }
            catch (DirectLineException ex)
            {
                _logger.LogWarning("The bot did not take the conversationUpdate of conversation {ConversationId}: {Error}", conversationId, ex.Message);
            }
        }

        return start;
    }

    public async Task<DirectLineConversation> GetAsync(string conversationId, CancellationToken cancellationToken) =>
        await _store.FindAsync(conversationId, cancellationToken)
            ?? throw DirectLineException.NotFound("Conversation not found.");

    /// <summary>
    /// Takes an activity from a client: the sender is the token's user (a token holder cannot speak as anyone else),
    /// or for the secret holder the given from.id, else the conversation's user. Logs it, then hands it to the bot.
    /// </summary>
    public async Task<StoredActivity> PostFromUserAsync(DirectLineCaller caller, string conversationId, Activity activity, string? requestedUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(activity);
        caller.EnsureMayAccess(conversationId);
        if (string.IsNullOrWhiteSpace(activity.Type))
            throw DirectLineException.MissingProperty("The activity must have a type.");
        var conversation = await GetAsync(conversationId, cancellationToken);

        var userId = caller.Token?.UserId ?? ValidateUserId(activity.From?.Id ?? requestedUserId ?? conversation.UserId);
        activity.From = new ChannelAccount(userId, activity.From?.Name, RoleTypes.User);
        Stamp(activity, conversationId, recipient: BotAccount);

        var stored = await AppendAsync(conversationId, activity, cancellationToken);
        await _forwarder.ForwardAsync(activity, cancellationToken);
        return stored;
    }

    /// <summary>Takes an activity the bot sends (reply, proactive message, typing) and delivers it to the clients.</summary>
    public async Task<StoredActivity> PostFromBotAsync(string conversationId, Activity activity, string? replyToId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrWhiteSpace(activity.Type))
            throw DirectLineException.MissingProperty("The activity must have a type.");
        var conversation = await GetAsync(conversationId, cancellationToken);

        activity.From = activity.From is { Id.Length: > 0 } from ? from : BotAccount;
        Stamp(activity, conversationId, recipient: activity.Recipient is { Id.Length: > 0 } to ? to : new ChannelAccount(conversation.UserId, role: RoleTypes.User));
        if (!string.IsNullOrEmpty(replyToId))
            activity.ReplyToId = replyToId;
        return await AppendAsync(conversationId, activity, cancellationToken);
    }

    public async Task<ActivityPage> GetActivitiesAsync(DirectLineCaller caller, string conversationId, long watermark, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.EnsureMayAccess(conversationId);
        return await _store.GetActivitiesAsync(conversationId, watermark, cancellationToken)
            ?? throw DirectLineException.NotFound("Conversation not found.");
    }

    private async Task<StoredActivity> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        var stored = await _store.AppendAsync(conversationId, activity, cancellationToken)
            ?? throw DirectLineException.NotFound("Conversation not found.");
        _notifier.Notify(conversationId);
        return stored;
    }

    private void Stamp(Activity activity, string conversationId, ChannelAccount recipient)
    {
        activity.ChannelId = ChannelId;
        activity.Conversation = new ConversationAccount(id: conversationId);
        activity.Recipient = recipient;
        activity.ServiceUrl = _urls.ServiceUrl.AbsoluteUri;
        activity.Timestamp = _time.GetUtcNow();
    }
}
