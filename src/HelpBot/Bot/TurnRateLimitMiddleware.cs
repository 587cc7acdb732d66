using System.Threading.RateLimiting;
using HelpBot.Dialogs.Localization;
using HelpBot.Dialogs.Resources;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace HelpBot.Bot;

/// <summary>
/// Limits how fast one sender, and one conversation, can make the bot work (recognizer, platform calls, storage). An
/// activity over the limit is not handed to the dialogs: a message gets a friendly "slow down" in the customer's
/// language, anything else is dropped quietly. Limits are per bot instance (see <see cref="RateLimitOptions"/>).
/// </summary>
public sealed class TurnRateLimitMiddleware : Microsoft.Bot.Builder.IMiddleware, IDisposable
{
    private readonly PartitionedRateLimiter<IActivity>? _limiter;
    private readonly ILogger<TurnRateLimitMiddleware> _logger;

    public TurnRateLimitMiddleware(IOptions<RateLimitOptions> options, ILogger<TurnRateLimitMiddleware> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var perUser = PartitionedRateLimiter.Create<IActivity, string>(activity =>
            RateLimitPartition.GetTokenBucketLimiter(UserKey(activity), _ => BucketOptions(settings.PerUser)));
        var perConversation = PartitionedRateLimiter.Create<IActivity, string>(activity =>
            RateLimitPartition.GetTokenBucketLimiter(ConversationKey(activity), _ => BucketOptions(settings.PerConversation)));
        _limiter = PartitionedRateLimiter.CreateChained(perUser, perConversation);
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (_limiter is null || activity.Type is not (ActivityTypes.Message or ActivityTypes.ConversationUpdate))
        {
            await next(cancellationToken);
            return;
        }

        using var lease = _limiter.AttemptAcquire(activity);
        if (lease.IsAcquired)
        {
            await next(cancellationToken);
            return;
        }

        _logger.LogInformation(
            "Rate limit reached for sender {UserId} in conversation {ConversationId}; turn skipped",
            SensitiveData.MaskPhoneNumbers(activity.From?.Id),
            SensitiveData.MaskPhoneNumbers(activity.Conversation?.Id));
        if (activity.Type == ActivityTypes.Message)
        {
            var culture = BotLanguage.Culture(BotLanguage.Resolve(activity.Locale, activity.Text, stored: null));
            await turnContext.SendActivityAsync(MessageFactory.Text(BotText.Get(culture, nameof(Strings.RateLimit_SlowDown))), cancellationToken);
        }
    }

    public void Dispose() => _limiter?.Dispose();

    private static string UserKey(IActivity activity) => $"{activity.ChannelId}/users/{activity.From?.Id}";

    private static string ConversationKey(IActivity activity) => $"{activity.ChannelId}/conversations/{activity.Conversation?.Id}";

    private static TokenBucketRateLimiterOptions BucketOptions(TokenBucketSettings settings) => new()
    {
        TokenLimit = Math.Max(1, settings.TokenLimit),
        TokensPerPeriod = Math.Max(1, settings.TokensPerPeriod),
        ReplenishmentPeriod = settings.ReplenishmentPeriod > TimeSpan.Zero ? settings.ReplenishmentPeriod : TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
