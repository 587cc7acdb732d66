using HelpBot.Dialogs.Conversation;
using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Localization;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Turns;
using HelpBot.Language.Answers;

namespace HelpBot.Dialogs.Accounts;

/// <summary>
/// "关联账号" / "link my account" starts <see cref="LinkAccountDialog"/>, and "取消关联" / "unlink" removes the link, at any
/// step (so the link button offered during an order lookup works while its question waits), also inside a sentence
/// ("帮我把账号关联一下", "please unlink my phone"; see <see cref="AccountRequests"/>). On channels that vouch for their
/// users there is nothing to link.
/// </summary>
public sealed class AccountLinkCommands(CustomerIdentity identity, AccountLinkStore links) : IDialogInterruption
{
    // Recognition vocabulary (what customers type), not wording shown to them; the button's own titles are added below.
    private static readonly HashSet<string> Link = BuildLinkPhrases();
    private static readonly HashSet<string> Unlink = new(StringComparer.Ordinal) { "取消关联", "解除关联", "取消关联账号", "解除关联账号", "unlink", "unlink my account" };

    /// <summary>Whether the text is one of the link commands (the button titles in either language included).</summary>
    public static bool IsLinkCommand(string? text) => Link.Contains(TextInput.NormalizeAnswer(text));

    public async Task<bool> TryInterruptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var text = dc.Context.Activity.Text;
        var command = TextInput.NormalizeAnswer(text);
        var said = Link.Contains(command) ? AccountRequest.Link
            : Unlink.Contains(command) ? AccountRequest.Unlink
            : AccountRequests.Read(text);
        if (said == AccountRequest.None)
        {
            return false;
        }

        var wantsLink = said == AccountRequest.Link;

        var turn = dc.Context.Turn();
        var activity = dc.Context.Activity;
        if (identity.IsTrusted(activity.ChannelId) || string.IsNullOrWhiteSpace(activity.From?.Id) || activity.ChannelId is null)
        {
            await dc.Context.SendActivityAsync(MainMenu.Reply(turn.Text(nameof(Strings.Link_NotNeeded)), turn), cancellationToken);
            return true;
        }

        await dc.CancelAllDialogsAsync(cancellationToken);
        var existing = await links.GetAsync(activity.ChannelId, activity.From.Id, cancellationToken);
        if (wantsLink)
        {
            if (existing is not null)
            {
                await dc.Context.SendActivityAsync(MainMenu.Reply(turn.Format(nameof(Strings.Link_AlreadyLinked), existing.MaskedPhone), turn), cancellationToken);
                return true;
            }

            await dc.BeginDialogAsync(LinkAccountDialog.DialogId, null, cancellationToken);
            return true;
        }

        var removed = existing is not null && await links.RemoveAsync(activity.ChannelId, activity.From.Id, cancellationToken);
        if (removed)
        {
            // The order in focus was shown under the link; without it, follow-up questions must not reach it.
            turn.Data.ForgetOrders();
        }

        await dc.Context.SendActivityAsync(MainMenu.Reply(turn.Text(removed ? nameof(Strings.Link_Unlinked) : nameof(Strings.Link_NothingToUnlink)), turn), cancellationToken);
        return true;
    }

    private static HashSet<string> BuildLinkPhrases()
    {
        var phrases = new HashSet<string>(StringComparer.Ordinal) { "关联账号", "关联账户", "绑定账号", "link my account", "link account" };
        foreach (var culture in new[] { BotLanguage.ChineseCulture, BotLanguage.EnglishCulture })
        {
            phrases.Add(TextInput.NormalizeAnswer(BotText.Phrase(culture, nameof(Strings.Link_Button))));
        }

        return phrases;
    }
}
