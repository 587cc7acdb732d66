using HelpBot.Dialogs.Conversation;
using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Turns;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace HelpBot.Dialogs.Problems;

/// <summary>
/// How a problem flow starts: the order number if the customer typed one, and what they wrote. <paramref name="PickFrom"/>
/// is set when the customer corrected which order they meant ("sorry I meant 0007"): the order is picked from their list
/// by it, and the order the conversation was about is not assumed. <paramref name="Problem"/> says which of the problems a
/// flow serves the customer asked about (a refund or a failed payment, for the payment flow).
/// </summary>
public sealed record TroubleshootingOptions(string? OrderNumber, string? CustomerText, string? PickFrom = null, string? Problem = null);

/// <summary>The actions a flow can offer, as choice values; their button titles come from the resources.</summary>
public static class FlowActions
{
    /// <summary>The choice prompt every flow offers its actions with (one question waits at a time, so one prompt serves all).</summary>
    public const string PromptId = "flow.action";

    public const string NotifyMerchant = "notify_merchant";
    public const string MerchantPhone = "merchant_phone";
    public const string CancelReorder = "cancel_reorder";
    public const string ContactRider = "contact_rider";
    public const string ChangeDelivery = "change_delivery";
    public const string Wait = "wait";
    public const string Escalate = "escalate";

    public static string Title(TurnInfo turn, string action) => turn.Text(action switch
    {
        NotifyMerchant => nameof(Strings.Action_NotifyMerchant),
        MerchantPhone => nameof(Strings.Action_MerchantPhone),
        CancelReorder => nameof(Strings.Action_CancelReorder),
        ContactRider => nameof(Strings.Action_ContactRider),
        ChangeDelivery => nameof(Strings.Action_ChangeDelivery),
        Wait => nameof(Strings.Action_Wait),
        Escalate => nameof(Strings.Action_Escalate),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    });

    /// <summary>A question with one button per action; the answer is a <see cref="FoundChoice"/> whose value is the action.</summary>
    public static PromptOptions Offer(TurnInfo turn, string text, params string[] actions)
    {
        var choices = actions.Select(a => new Choice(a, Title(turn, a))).ToList();
        var prompt = MessageFactory.Text(text);
        prompt.TextFormat = TextFormatTypes.Markdown;
        prompt.SuggestedActions = new SuggestedActions { Actions = [.. choices.Select(c => MainMenu.Button(c.Title!))] };
        return new PromptOptions { Prompt = prompt, Choices = choices, MaxAttempts = 1 };
    }
}
