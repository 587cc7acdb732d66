using HelpBot.AgentDesk.Cases;
using HelpBot.Dialogs.Conversation;
using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Problems;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Turns;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace HelpBot.Dialogs.WrapUp;

/// <summary>The closed case whose handling is rated.</summary>
public sealed record CaseRatingOptions(string CaseId);

/// <summary>After an agent closes a case: a one-tap rating of the support, stored on the case.</summary>
public sealed class CaseRatingDialog : WaterfallDialog
{
    public const string DialogId = "caseRating";

    public CaseRatingDialog(AgentDeskService desk)
        : base(DialogId)
    {
        AddStep(AskAsync);
        AddStep(async (step, ct) =>
        {
            if (step.Result is not FoundChoice rating)
            {
                return await Reroute.ToRootAsync(step.Dialog, ct);
            }

            var turn = step.Context.Turn();
            if (step.GetOptions<CaseRatingOptions>()?.CaseId is { } caseId)
            {
                await desk.RateAsync(caseId, rating.Index + 1, ct);
            }

            await step.Context.SendActivityAsync(MainMenu.Reply(turn.Text(nameof(Strings.WrapUp_ThanksForRating)), turn), ct);
            return await step.EndAsync(null, ct);
        });
    }

    private static Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Context.Turn();
        var stars = Enumerable.Range(1, 5).Select(n => new Choice(n.ToString(System.Globalization.CultureInfo.InvariantCulture), new string('⭐', n))).ToList();
        var prompt = MessageFactory.Text(turn.Text(nameof(Strings.Agent_AskRating)));
        prompt.SuggestedActions = new SuggestedActions { Actions = [.. stars.Select(s => MainMenu.Button(s.Title!, s.Value))] };
        return step.PromptAsync(WrapUpDialog.RatingPromptId, new PromptOptions { Prompt = prompt, Choices = stars, MaxAttempts = 1 }, cancellationToken);
    }
}
