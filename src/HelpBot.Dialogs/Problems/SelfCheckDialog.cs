using HelpBot.AgentDesk.Cases;
using HelpBot.Dialogs.Conversation;
using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Turns;
using HelpBot.Language.Answers;
using HelpBot.Platform.Apis;
using HelpBot.Platform.Errors;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace HelpBot.Dialogs.Problems;

/// <summary>
/// The checks in <paramref name="Checks"/> (see <see cref="CheckNames"/>), in order. <paramref name="CustomerText"/> is
/// what the customer wrote when the flow started, so a check they already answered there is not asked again.
/// </summary>
public sealed record SelfCheckOptions(IReadOnlyList<string> Checks, string? CustomerText);

/// <summary>
/// Walks the customer through the self-checks that the order data cannot answer, one yes/no question at a time, and
/// gives the fix for each "no". A check already in the case file, answered in the customer's own words, or answerable
/// from the app's client info is not asked. Ends with true when a fix solved the problem on the spot.
/// An answer that is neither yes nor no is taken as the customer moving on, and is routed afresh.
/// </summary>
public sealed class SelfCheckDialog : WaterfallDialog
{
    public const string DialogId = "selfCheck";
    public const string AnswerPromptId = "selfCheck.answer";
    private const string CurrentKey = "current";

    private readonly IAppVersionsApi _appVersions;
    private readonly TimeProvider _time;

    public SelfCheckDialog(IAppVersionsApi appVersions, TimeProvider time)
        : base(DialogId)
    {
        _appVersions = appVersions;
        _time = time;
        AddStep(AskNextAsync);
        AddStep(HandleAnswerAsync);
    }

    /// <summary>
    /// One yes/no prompt per kind of question: "have you restarted / updated?" takes "tried it" as yes ("重启过了没用"),
    /// the others read the answer's yes or no. <see cref="AnswerPromptId"/> stays for conversations saved before.
    /// </summary>
    public static IEnumerable<Dialog> AnswerPrompts()
    {
        yield return new ConfirmPrompt(AnswerPromptId, readAnswer: NaturalAnswers.YesNo);
        yield return new ConfirmPrompt(TriedPromptId, readAnswer: NaturalAnswers.TriedOrYesNo);
    }

    public const string TriedPromptId = "selfCheck.tried";

    /// <summary>What the customer's first message already said about <paramref name="check"/>, as a case check result.</summary>
    private static string? ReportedIn(string? text, string check)
    {
        SelfCheck? asked = check switch
        {
            CheckNames.Network => SelfCheck.Network,
            CheckNames.AppVersion => SelfCheck.AppVersion,
            CheckNames.AppRestart => SelfCheck.AppRestart,
            CheckNames.PaymentMethod => SelfCheck.PaymentMethod,
            _ => null,
        };
        return asked is { } known && SelfCheckReports.Says(text, known) is { } fine
            ? fine ? CheckResults.Ok : CheckResults.Problem
            : null;
    }

    private static bool AsksWhetherTried(string check) => check is CheckNames.AppRestart or CheckNames.AppVersion;

    private async Task<DialogTurnResult> AskNextAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Context.Turn();
        var file = CaseFiles.Current(turn);
        var options = step.GetOptions<SelfCheckOptions>() ?? new SelfCheckOptions([], null);

        // An app too old to be supported, as the app itself reports, is the cause: said first, and nothing else asked.
        if (options.Checks.Contains(CheckNames.AppVersion) && file.Check(CheckNames.AppVersion) is null
            && await CheckVersionFromClientAsync(step, file, onlyWhenUnsupported: true, cancellationToken))
        {
            return await step.EndAsync(false, cancellationToken);
        }

        foreach (var check in options.Checks)
        {
            if (file.Check(check) is not null)
            {
                continue;
            }

            if (ReportedIn(options.CustomerText, check) is { } said)
            {
                file.Record(new CaseCheck(check, said, CheckSources.CustomerText, _time.GetUtcNow()));
                if (said == CheckResults.Problem)
                {
                    await step.Context.SendActivityAsync(Advice(turn, check, null), cancellationToken);
                }

                continue;
            }

            if (check == CheckNames.AppVersion && await CheckVersionFromClientAsync(step, file, onlyWhenUnsupported: false, cancellationToken))
            {
                continue;
            }

            step.SetValue(CurrentKey, check);
            var (yes, no) = check == CheckNames.AppRestart
                ? (turn.Text(nameof(Strings.Button_TriedIt)), turn.Text(nameof(Strings.Button_NotTried)))
                : (turn.Text(nameof(Strings.Button_Yes)), turn.Text(nameof(Strings.Button_No)));
            return await step.PromptAsync(AsksWhetherTried(check) ? TriedPromptId : AnswerPromptId, new PromptOptions
            {
                Prompt = Question(turn, check, await LatestVersionAsync(cancellationToken), yes, no),
                Choices = [new Choice(ConfirmPrompt.YesValue, yes), new Choice(ConfirmPrompt.NoValue, no)],
                MaxAttempts = 1,
            }, cancellationToken);
        }

        return await step.EndAsync(false, cancellationToken);
    }

    private async Task<DialogTurnResult> HandleAnswerAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not bool ok)
        {
            return await Reroute.ToRootAsync(step.Dialog, cancellationToken);
        }

        var turn = step.Context.Turn();
        var check = step.GetValue<string>(CurrentKey)!;
        CaseFiles.Current(turn).Record(new CaseCheck(check, ok ? CheckResults.Ok : CheckResults.Problem, CheckSources.Customer, _time.GetUtcNow()));
        if (!ok)
        {
            await step.Context.SendActivityAsync(Advice(turn, check, await VersionsAsync(null, cancellationToken)), cancellationToken);
        }

        // Loop: the next unanswered check, with the same options.
        return await step.ReplaceDialogAsync(DialogId, step.GetOptions<SelfCheckOptions>(), cancellationToken);
    }

    /// <summary>
    /// Answers the app-version check from the app's own client info, against the versions of the client's platform.
    /// A client on another platform (web chat says "web") tells nothing about the app, so the question is asked.
    /// </summary>
    /// <param name="onlyWhenUnsupported">Answer it only when the version is below the oldest supported one (said first).</param>
    private async Task<bool> CheckVersionFromClientAsync(WaterfallStepContext step, CaseFile file, bool onlyWhenUnsupported, CancellationToken cancellationToken)
    {
        var client = ClientInfo.From(step.Context.Activity);
        if (client.AppVersion is null || client.Platform is null || !Version.TryParse(client.AppVersion.TrimStart('v', 'V'), out var installed))
        {
            return false;
        }

        var versions = await VersionsAsync(client.Platform, cancellationToken);
        if (versions is null)
        {
            return false;
        }

        var turn = step.Context.Turn();
        var (minimum, latest) = versions.Value;
        if (onlyWhenUnsupported && installed >= minimum)
        {
            return false;
        }

        var result = installed < minimum ? CheckResults.Problem : CheckResults.Ok;
        file.Record(new CaseCheck(CheckNames.AppVersion, result, CheckSources.ClientInfo, _time.GetUtcNow(), $"{client.Platform} {client.AppVersion}"));
        var key = installed < minimum ? nameof(Strings.Check_AppVersion_Unsupported)
            : installed < latest ? nameof(Strings.Check_AppVersion_Outdated)
            : nameof(Strings.Check_AppVersion_Current);
        await step.Context.SendActivityAsync(turn.Format(key, client.AppVersion, latest.ToString(), minimum.ToString()), cancellationToken: cancellationToken);
        return true;
    }

    /// <summary>Oldest supported and latest version, for one platform or (null) across the app's platforms.</summary>
    private async Task<(Version Minimum, Version Latest)?> VersionsAsync(string? platform, CancellationToken cancellationToken)
    {
        try
        {
            var platforms = (await _appVersions.GetAppVersionsAsync(cancellationToken)).Platforms
                .Where(p => platform is null || string.Equals(p.Platform, platform, StringComparison.OrdinalIgnoreCase))
                .ToList();
            var minimum = platforms.Select(p => Version.Parse(p.MinimumSupported)).DefaultIfEmpty().Min();
            var latest = platforms.Select(p => Version.Parse(p.Latest)).DefaultIfEmpty().Max();
            return minimum is null || latest is null ? null : (minimum, latest);
        }
        catch (Exception ex) when (ex is PlatformApiException or PlatformUnavailableException or FormatException)
        {
            return null;
        }
    }

    private async Task<string?> LatestVersionAsync(CancellationToken cancellationToken) =>
        (await VersionsAsync(null, cancellationToken))?.Latest.ToString();

    private static Activity Question(TurnInfo turn, string check, string? latest, string yes, string no)
    {
        var text = check switch
        {
            CheckNames.Network => turn.Text(nameof(Strings.Check_Network_Question)),
            CheckNames.PaymentMethod => turn.Text(nameof(Strings.Check_PaymentMethod_Question)),
            CheckNames.AppVersion when latest is not null => turn.Format(nameof(Strings.Check_AppVersion_Question), latest),
            CheckNames.AppVersion => turn.Text(nameof(Strings.Check_AppVersion_QuestionNoVersion)),
            CheckNames.AppRestart => turn.Text(nameof(Strings.Check_AppRestart_Question)),
            _ => throw new ArgumentOutOfRangeException(nameof(check), check, "Unknown self-check."),
        };
        return MainMenu.Question(text, yes, no);
    }

    private static Activity Advice(TurnInfo turn, string check, (Version Minimum, Version Latest)? versions) => MessageFactory.Text(check switch
    {
        CheckNames.Network => turn.Text(nameof(Strings.Check_Network_Advice)),
        CheckNames.PaymentMethod => turn.Text(nameof(Strings.Check_PaymentMethod_Advice)),
        CheckNames.AppVersion => turn.Format(nameof(Strings.Check_AppVersion_Advice), versions?.Minimum.ToString() ?? "-"),
        CheckNames.AppRestart => turn.Text(nameof(Strings.Check_AppRestart_Advice)),
        _ => throw new ArgumentOutOfRangeException(nameof(check), check, "Unknown self-check."),
    });
}
