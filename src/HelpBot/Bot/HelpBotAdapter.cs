using HelpBot.Dialogs.Localization;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Turns;
using HelpBot.SdkWorkarounds;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using HelpBot.Storage.Redis.Errors;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.IdentityModel.Tokens;

namespace HelpBot.Bot;

/// <summary>
/// The Bot Framework adapter with HelpBot's turn error handling: log the failure, apologise in the customer's language,
/// and clear the conversation's state so a broken dialog stack cannot fail every following turn too.
/// </summary>
public sealed class HelpBotAdapter : CloudAdapter, IBotFrameworkHttpAdapter
{
    public HelpBotAdapter(
        BotFrameworkAuthentication authentication,
        ConversationTurns turns,
        ILogger<HelpBotAdapter> logger,
        ILogger? sdkLogger = null)
        : base(authentication, sdkLogger ?? logger)
    {
        // The middleware is the host's (see Hosting/TurnMiddleware): this adapter holds the error policy.
        OnTurnError = async (turnContext, exception) =>
        {
            var activity = turnContext.Activity;
            // Exception messages can quote what the customer sent (a phone number, say): logged with phones masked.
            logger.LogError(
                SensitiveData.Redact(exception),
                "Turn failed for conversation {ConversationId} on {ChannelId}",
                SensitiveData.MaskPhoneNumbers(activity.Conversation?.Id),
                activity.ChannelId);

            // Storage trouble (Redis down or slow) and a concurrent save are not caused by the conversation's state:
            // it stays as it is, and the customer is asked to send the message again. Anything else may be a broken
            // state, which is cleared so it cannot fail every following turn too.
            var keepState = exception is StorageETagConflictException or RedisStorageException;
            var culture = BotLanguage.Culture(BotLanguage.Resolve(activity.Locale, activity.Text, stored: null));
            try
            {
                var apology = keepState ? nameof(Strings.Error_ApologyTryAgain) : nameof(Strings.Error_Apology);
                await turnContext.SendActivityAsync(BotText.Get(culture, apology));
            }
            catch (Exception sendFailure) when (sendFailure is not OperationCanceledException)
            {
                logger.LogWarning(SensitiveData.Redact(sendFailure), "Could not send the apology");
            }

            if (keepState)
            {
                return;
            }

            try
            {
                await turns.ForgetAsync(activity, CancellationToken.None);
            }
            catch (Exception clearFailure) when (clearFailure is not OperationCanceledException)
            {
                // Storage itself may be what failed; the next successful turn starts from whatever is stored.
                logger.LogWarning(SensitiveData.Redact(clearFailure), "Could not clear the conversation state after a failed turn");
            }
        };
    }

    /// <summary>
    /// What <see cref="CloudAdapter.ProcessAsync(HttpRequest, HttpResponse, IBot, CancellationToken)"/> does for a POST,
    /// for an activity that <see cref="ActivityRequestValidator"/> has already read from the body and checked: the SDK
    /// would parse the body a second time. Authentication is the SDK's, as before (the Authorization header).
    /// </summary>
    public async Task ProcessAsync(HttpRequest httpRequest, HttpResponse httpResponse, Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpRequest);
        ArgumentNullException.ThrowIfNull(httpResponse);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(bot);
        try
        {
            var invokeResponse = await ProcessActivityAsync(httpRequest.Headers.Authorization.ToString(), activity, bot.OnTurnAsync, cancellationToken);
            await InvokeResponseWriter.WriteAsync(httpResponse, invokeResponse, cancellationToken);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or SecurityTokenException or SecurityTokenArgumentException && !httpResponse.HasStarted)
        {
            // As CloudAdapter does for a refused token; a token that is not a JWT at all is a refusal too (see below).
            Logger.LogWarning("Request refused: {Reason}", ex.GetType().Name);
            httpResponse.StatusCode = StatusCodes.Status401Unauthorized;
        }
        catch (InvalidOperationException ex) when (IsSigningKeysUnavailable(ex) && !httpResponse.HasStarted)
        {
            // The channel's OpenID metadata (its signing keys) could not be fetched: the token can be checked neither
            // way. Not the caller's fault and not a refusal: 503, and the channel tries again later.
            Logger.LogError("Channel token not checked: the Bot Framework OpenID metadata is unreachable ({Reason}); answered 503", ex.InnerException?.GetType().Name ?? ex.GetType().Name);
            httpResponse.StatusCode = StatusCodes.Status503ServiceUnavailable;
            httpResponse.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await httpResponse.WriteAsJsonAsync(
                new { error = new { code = "AuthenticationUnavailable", message = "The channel's token cannot be checked right now; try again later." } },
                cancellationToken);
        }
    }

    /// <summary>Seconds a caller is asked to wait when the channel's signing keys cannot be fetched.</summary>
    public const int RetryAfterSeconds = 5;

    // Microsoft.IdentityModel's ConfigurationManager throws InvalidOperationException (IDX20803) when it cannot
    // retrieve the metadata document; nothing else in token validation throws that type from that assembly.
    private static bool IsSigningKeysUnavailable(InvalidOperationException exception) =>
        string.Equals(exception.Source, "Microsoft.IdentityModel.Protocols", StringComparison.Ordinal);

    /// <summary>
    /// CloudAdapter answers 401 when a token fails validation, but lets the token parser's exceptions for a token that is
    /// not a JWT at all ("Bearer x") escape as a 500. Those are refusals too.
    /// </summary>
    async Task IBotFrameworkHttpAdapter.ProcessAsync(HttpRequest httpRequest, HttpResponse httpResponse, IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpResponse);
        try
        {
            await ProcessAsync(httpRequest, httpResponse, bot, cancellationToken);
        }
        catch (Exception ex) when (ex is SecurityTokenException or SecurityTokenArgumentException && !httpResponse.HasStarted)
        {
            httpResponse.StatusCode = StatusCodes.Status401Unauthorized;
        }
    }
}
