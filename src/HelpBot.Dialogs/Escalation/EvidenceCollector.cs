using HelpBot.AgentDesk.Cases;
using HelpBot.AgentDesk.Evidence;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Turns;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace HelpBot.Dialogs.Escalation;

/// <summary>Checks and stores the pictures of one message for a case, and tells the customer about each one that was refused.</summary>
public sealed class EvidenceCollector(EvidenceFetcher fetcher, AttachmentStore store)
{
    public int MaxMegabytes => Math.Max(1, fetcher.MaxBytes / (1024 * 1024));

    /// <summary>Stores up to <paramref name="room"/> accepted pictures under <paramref name="caseId"/>; says why any other was refused.</summary>
    public async Task<List<CaseAttachment>> CollectAsync(ITurnContext context, string caseId, int room, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var turn = context.Turn();
        var accepted = new List<CaseAttachment>();
        var refusals = new HashSet<EvidenceRejection>();
        foreach (var attachment in context.Activity.Attachments ?? [])
        {
            if (accepted.Count >= room)
            {
                break;
            }

            var result = await fetcher.FetchAsync(attachment, cancellationToken);
            if (result.Image is { } image)
            {
                accepted.Add(await store.SaveAsync(caseId, image, cancellationToken));
            }
            else
            {
                refusals.Add(result.Rejection);
            }
        }

        foreach (var refusal in refusals)
        {
            var text = refusal switch
            {
                EvidenceRejection.NotAnImage => turn.Text(nameof(Strings.Evidence_NotImage)),
                EvidenceRejection.TooLarge => turn.Format(nameof(Strings.Evidence_TooLarge), MaxMegabytes),
                EvidenceRejection.TooManyPixels => turn.Format(nameof(Strings.Evidence_TooManyPixels), fetcher.MaxMegapixels),
                EvidenceRejection.HostNotAllowed or EvidenceRejection.PrivateAddress => turn.Text(nameof(Strings.Evidence_NotAllowed)),
                _ => turn.Text(nameof(Strings.Evidence_Unavailable)),
            };
            await context.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
        }

        return accepted;
    }

    public static bool HasAttachments(IActivity activity) => activity is IMessageActivity { Attachments.Count: > 0 };
}
