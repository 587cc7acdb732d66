using HelpBot.Dialogs.Localization;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using HelpBot.Storage.Redis.Errors;
using Microsoft.Bot.Connector.Authentication;
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
        ConversationStateStore stateStore,
        ILogger<HelpBotAdapter> logger)
        : base(authentication, logger)
    {
        // Customers see "typing…" when a turn takes longer than half a second (a slow platform call, for instance).
        Use(new ShowTypingMiddleware(delay: 500, period: 2000));

        OnTurnError = async (turnContext, exception) =>
        {
            var activity = turnContext.Activity;
            // Exception messages can quote what the customer sent (a phone number, say): logged with phones masked.
            logger.LogError(
                SensitiveData.Redact(exception),
                "Turn failed for conversation {ConversationId} on {ChannelId}",
                SensitiveData.MaskPhoneNumbers(activity.Conversation?.Id),
                activity.ChannelId);

            var culture = BotLanguage.Culture(BotLanguage.Resolve(activity.Locale, activity.Text, stored: null));
            try
            {
                await turnContext.SendActivityAsync(BotText.Get(culture, nameof(Strings.Error_Apology)));
            }
            catch (Exception sendFailure) when (sendFailure is not OperationCanceledException)
            {
                logger.LogWarning(SensitiveData.Redact(sendFailure), "Could not send the apology");
            }

            if (exception is StorageETagConflictException)
            {
                // Another instance saved this conversation first: its state is good and must not be thrown away.
                return;
            }

            try
            {
                await stateStore.DeleteAsync(ConversationStateStore.KeyFor(activity), CancellationToken.None);
            }
            catch (Exception clearFailure) when (clearFailure is not OperationCanceledException)
            {
                // Storage itself may be what failed; the next successful turn starts from whatever is stored.
                logger.LogWarning(SensitiveData.Redact(clearFailure), "Could not clear the conversation state after a failed turn");
            }
        };
    }

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
