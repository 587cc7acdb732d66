using HelpBot.AgentDesk.Cases;
using HelpBot.Dialogs.Conversation;
using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Escalation;
using HelpBot.Dialogs.Problems;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Turns;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace HelpBot.Dialogs.WrapUp;

/// <summary>How a flow ends: which route an unsolved case takes.</summary>
public sealed record WrapUpOptions([property: JsonConverter(typeof(CaseRouteJsonConverter))] string Route);

/// <summary>
/// Every troubleshooting flow ends here: "is it solved?" Yes gives a prevention tip that fits the problem and a one-tap
/// rating; no hands the case on (<see cref="EscalationDialog"/>).
/// </summary>
public sealed class WrapUpDialog : WaterfallDialog
{
    public const string DialogId = "wrapUp";
    public const string SolvedPromptId = "wrapUp.solved";
    public const string RatingPromptId = "wrapUp.rating";

    /// <summary>"Not solved, get me platform support" sends a case the restaurant had to platform support instead.</summary>
    public const double AsksForPersonFrom = 0.3;

    private readonly ITurnIntentRecognizer _recognizer;

    public WrapUpDialog(ITurnIntentRecognizer recognizer)
        : base(DialogId)
    {
        _recognizer = recognizer;
        AddStep(AskSolvedAsync);
        AddStep(AfterSolvedAsync);
        AddStep(AfterRatingAsync);
    }

    public static IEnumerable<Dialog> Prompts()
    {
        yield return new ConfirmPrompt(SolvedPromptId, readAnswer: NaturalAnswers.YesNo);
        yield return new ChoicePrompt(RatingPromptId, readAnswer: NaturalAnswers.Rating);
    }

    private static async Task<DialogTurnResult> AskSolvedAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Context.Turn();
        var yes = turn.Text(nameof(Strings.Button_Solved));
        var no = turn.Text(nameof(Strings.Button_NotSolved));
        return await step.PromptAsync(SolvedPromptId, new PromptOptions
        {
            Prompt = MainMenu.Question(turn.Text(nameof(Strings.WrapUp_AskSolved)), yes, no),
            Choices = [new Choice(ConfirmPrompt.YesValue, yes), new Choice(ConfirmPrompt.NoValue, no)],
            MaxAttempts = 1,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> AfterSolvedAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not bool solved)
        {
            return await Reroute.ToRootAsync(step.Dialog, cancellationToken);
        }

        var turn = step.Context.Turn();
        var file = CaseFiles.Current(turn);
        file.Solved = solved;
        if (!solved)
        {
            var route = step.GetOptions<WrapUpOptions>()?.Route ?? CaseRoutes.Platform;
            if (route == CaseRoutes.Merchant && await AsksForPersonAsync(step, cancellationToken))
            {
                route = CaseRoutes.Platform;
            }

            return await step.ReplaceDialogAsync(EscalationDialog.DialogId, new EscalationOptions(route), cancellationToken);
        }

        await step.Context.SendActivityAsync(turn.Format(nameof(Strings.WrapUp_SolvedTip), Tip(turn, file.ProblemType)), cancellationToken: cancellationToken);
        if (turn.Data.QueuedRequests is { Count: > 0 })
        {
            // Another order of the same message is waiting: the rating can wait for the end.
            return await step.EndAsync(null, cancellationToken);
        }

        var stars = Enumerable.Range(1, 5).Select(n => new Choice(n.ToString(System.Globalization.CultureInfo.InvariantCulture), new string('⭐', n))).ToList();
        var prompt = MessageFactory.Text(turn.Text(nameof(Strings.WrapUp_AskRating)));
        prompt.SuggestedActions = new SuggestedActions { Actions = [.. stars.Select(s => MainMenu.Button(s.Title!, s.Value))] };
        return await step.PromptAsync(RatingPromptId, new PromptOptions { Prompt = prompt, Choices = stars, MaxAttempts = 1 }, cancellationToken);
    }

    private static async Task<DialogTurnResult> AfterRatingAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not FoundChoice rating)
        {
            return await Reroute.ToRootAsync(step.Dialog, cancellationToken);
        }

        var turn = step.Context.Turn();
        CaseFiles.Current(turn).Rating = rating.Index + 1;
        await step.Context.SendActivityAsync(MainMenu.Reply(turn.Text(nameof(Strings.WrapUp_ThanksForRating)), turn), cancellationToken);
        return await step.EndAsync(null, cancellationToken);
    }

    private async Task<bool> AsksForPersonAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var text = step.Context.Activity.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var intent = await _recognizer.RecognizeAsync(text, step.Context.Turn().Language, cancellationToken);
        return intent.Intent == Intents.HumanAgent || intent.Alternatives.Any(a => a.Intent == Intents.HumanAgent && a.Score >= AsksForPersonFrom);
    }

    private static string Tip(TurnInfo turn, string problemType) => turn.Text(problemType switch
    {
        Intents.PaymentFailed => nameof(Strings.Tip_BindPayment),
        Intents.AppUnavailable => nameof(Strings.Tip_OfficialApp),
        Intents.StatusMismatch => nameof(Strings.Tip_WatchStatus),
        _ => nameof(Strings.Tip_AvoidPeaks),
    });
}
