using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace HelpBot.Bot;

/// <summary>
/// Microsoft Teams shows at most three suggested actions, so on Teams a reply with more buttons (the welcome menu, the
/// list of recent orders) carries them as hero-card buttons instead: up to six per card, as many cards as needed, each
/// button still sending its value as the customer's message. Other channels get suggested actions unchanged.
/// </summary>
public sealed class TeamsButtonsMiddleware : Microsoft.Bot.Builder.IMiddleware
{
    public const string TeamsChannelId = "msteams";
    public const int MaxSuggestedActions = 3;
    public const int MaxCardButtons = 6;

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        if (turnContext.Activity.ChannelId == TeamsChannelId)
        {
            turnContext.OnSendActivities((_, activities, nextSend) =>
            {
                foreach (var activity in activities)
                {
                    MoveButtonsToCards(activity);
                }

                return nextSend();
            });
        }

        return next(cancellationToken);
    }

    public static void MoveButtonsToCards(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.SuggestedActions?.Actions is not { Count: > MaxSuggestedActions } actions)
        {
            return;
        }

        activity.Attachments ??= [];
        foreach (var chunk in actions.Chunk(MaxCardButtons))
        {
            activity.Attachments.Add(new HeroCard { Buttons = [.. chunk] }.ToAttachment());
        }

        activity.AttachmentLayout = AttachmentLayoutTypes.List;
        activity.SuggestedActions = null;
    }
}
