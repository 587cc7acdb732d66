using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace HelpBot.Bot;

/// <summary>
/// Shows "typing…" when a turn takes longer than half a second (a slow platform call, for instance), except on
/// expectReplies turns: their replies come back all at once in the HTTP response, where a typing indicator only costs time.
/// </summary>
public sealed class TypingIndicatorMiddleware : Microsoft.Bot.Builder.IMiddleware
{
    private readonly ShowTypingMiddleware _typing = new(delay: 500, period: 2000);

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        return turnContext.Activity.DeliveryMode == DeliveryModes.ExpectReplies
            ? next(cancellationToken)
            : _typing.OnTurnAsync(turnContext, next, cancellationToken);
    }
}
