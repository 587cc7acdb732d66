using System.Globalization;
using HelpBot.Dialogs.Localization;
using HelpBot.Dialogs.Resources;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace HelpBot.Bot;

/// <summary>
/// Cuts a message whose text is longer than <see cref="InputLimitOptions.MaxTextLength"/> to that length before the
/// dialogs see it, and tells the customer that only the first part was read. The recognizer, the prompts and the state
/// (which keeps the customer's own words for a case) then never handle more than the limit.
/// </summary>
public sealed class MessageTextLimitMiddleware : Microsoft.Bot.Builder.IMiddleware
{
    private readonly int _maxLength;
    private readonly ILogger<MessageTextLimitMiddleware> _logger;

    public MessageTextLimitMiddleware(IOptions<InputLimitOptions> options, ILogger<MessageTextLimitMiddleware> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _maxLength = Math.Max(1, options.Value.MaxTextLength);
        _logger = logger;
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (activity.Type == ActivityTypes.Message && activity.Text is { } text && text.Length > _maxLength)
        {
            var cut = _maxLength;
            if (char.IsHighSurrogate(text[cut - 1]))
            {
                // Do not split a character outside the Basic Multilingual Plane (an emoji, a rare 汉字) in two.
                cut--;
            }

            activity.Text = text[..cut];
            _logger.LogInformation("Message text of {Length} characters cut to {MaxLength}", text.Length, cut);
            var culture = BotLanguage.Culture(BotLanguage.Resolve(activity.Locale, activity.Text, stored: null));
            await turnContext.SendActivityAsync(
                MessageFactory.Text(BotText.Format(culture, nameof(Strings.Input_TextTruncated), _maxLength.ToString(CultureInfo.InvariantCulture))),
                cancellationToken);
        }

        await next(cancellationToken);
    }
}
