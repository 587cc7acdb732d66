using HelpBot.AgentDesk;
using HelpBot.AgentDesk.Cases;
using HelpBot.Dialogs.Conversation;
using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Turns;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace HelpBot.Dialogs.Escalation;

/// <summary>The case number the screenshots are stored under.</summary>
public sealed record EvidenceOptions(string CaseId);

/// <summary>
/// Asks for screenshots (payment page, order page, the problem with the food) before a case is handed on. Each picture
/// is checked (a real PNG, JPEG or WebP, not too large, from the channel itself) and stored with the case; anything
/// else gets a clear message. Ends with the stored screenshots when the customer says they are done (any text, or
/// the buttons), has none, or the limit is reached.
/// </summary>
public sealed class EvidenceDialog : Dialog, IAnswerPrompt
{
    public const string DialogId = "evidence";
    private const string ItemsKey = "items";
    private const string CaseKey = "case";

    private readonly EvidenceCollector _collector;
    private readonly int _maxCount;

    public EvidenceDialog(EvidenceCollector collector, IOptions<AgentDeskOptions> options)
        : base(DialogId)
    {
        ArgumentNullException.ThrowIfNull(options);
        _collector = collector;
        _maxCount = options.Value.MaxAttachmentsPerCase;
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var caseId = (options as EvidenceOptions)?.CaseId ?? throw new ArgumentException("EvidenceOptions are required.", nameof(options));
        var instance = dc.ActiveDialog!;
        instance.Set(CaseKey, caseId);
        instance.Set(ItemsKey, new List<CaseAttachment>());
        var turn = dc.Context.Turn();
        var none = turn.Text(nameof(Strings.Button_NoEvidence));
        await dc.Context.SendActivityAsync(
            MainMenu.Question(turn.Format(nameof(Strings.Evidence_Ask), _collector.MaxMegabytes, _maxCount, none), none),
            cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public bool TakesAnyText => false;

    /// <summary>
    /// Pictures are its answer, and once some arrived any words but a command ("thanks", "that's all") mean done;
    /// before that, words are left to the commands and small talk ("谢谢拜拜" is a goodbye, not a case with nothing in it),
    /// except words that say to go on without ("不用了 直接转", "no screenshots, just send it").
    /// </summary>
    public Task<bool> RecognizesAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(instance);
        var activity = turnContext.Activity;
        var some = instance.Get<List<CaseAttachment>>(ItemsKey) is { Count: > 0 };
        return Task.FromResult(EvidenceCollector.HasAttachments(activity)
            || Language.Answers.AnswerReader.SaysGoAhead(activity.Text)
            || (some && Language.Answers.AnswerReader.Read(activity.Text).Command == Language.Answers.ConversationCommand.None));
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var activity = dc.Context.Activity;
        if (activity.Type != ActivityTypes.Message)
        {
            return DialogTurnResult.Waiting;
        }

        var instance = dc.ActiveDialog!;
        var items = instance.Get<List<CaseAttachment>>(ItemsKey) ?? [];
        if (!EvidenceCollector.HasAttachments(activity))
        {
            // Any text means "go on": the customer is done, has none, or wants to move on.
            return await dc.EndDialogAsync(items, cancellationToken);
        }

        var caseId = instance.Get<string>(CaseKey)!;
        items.AddRange(await _collector.CollectAsync(dc.Context, caseId, _maxCount - items.Count, cancellationToken));
        instance.Set(ItemsKey, items);

        var turn = dc.Context.Turn();
        if (items.Count >= _maxCount)
        {
            await dc.Context.SendActivityAsync(MessageFactory.Text(turn.Format(nameof(Strings.Evidence_Full), items.Count)), cancellationToken);
            return await dc.EndDialogAsync(items, cancellationToken);
        }

        if (items.Count > 0)
        {
            var done = turn.Text(nameof(Strings.Button_EvidenceDone));
            await dc.Context.SendActivityAsync(MainMenu.Question(turn.Format(nameof(Strings.Evidence_Received), items.Count, _maxCount, done), done), cancellationToken);
        }

        return DialogTurnResult.Waiting;
    }
}
