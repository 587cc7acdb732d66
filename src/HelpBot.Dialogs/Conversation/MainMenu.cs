using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Localization;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Turns;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace HelpBot.Dialogs.Conversation;

/// <summary>
/// The welcome buttons, and a button title for every intent a clarifying question may offer. A button's title in
/// either language routes straight to its intent.
/// </summary>
public static class MainMenu
{
    private static readonly (string Intent, string TitleKey)[] Items =
    [
        (Intents.OrderStatus, nameof(Strings.Menu_OrderStatus)),
        (Intents.OrderStuck, nameof(Strings.Menu_OrderStuck)),
        (Intents.PaymentFailed, nameof(Strings.Menu_Payment)),
        (Intents.DeliveryDelay, nameof(Strings.Menu_Delay)),
        (Intents.AppUnavailable, nameof(Strings.Menu_AppDown)),
        (Intents.HumanAgent, nameof(Strings.Menu_Human)),
    ];

    private static readonly (string Intent, string TitleKey)[] MoreIntents =
    [
        (Intents.StatusMismatch, nameof(Strings.Menu_Mismatch)),
        (Intents.CancelOrder, nameof(Strings.Menu_CancelOrder)),
        (Intents.ChangeOrder, nameof(Strings.Menu_ChangeOrder)),
        (Intents.Refund, nameof(Strings.Menu_Refund)),
        (Intents.ContactMerchant, nameof(Strings.Menu_ContactMerchant)),
        (Intents.PreventionTips, nameof(Strings.Menu_Tips)),
    ];

    private static readonly Dictionary<string, string> IntentByTitle = BuildTitleIndex();

    /// <summary>The intent whose button title this is, in either language.</summary>
    public static string? Match(string? text) =>
        IntentByTitle.GetValueOrDefault(TextInput.NormalizeAnswer(text));

    public static SuggestedActions Actions(TurnInfo turn, params string[] intents)
    {
        var selected = intents.Length == 0 ? Items : Items.Where(i => intents.Contains(i.Intent)).ToArray();
        return new SuggestedActions
        {
            Actions = [.. selected.Select(i => Button(turn.Text(i.TitleKey)))],
        };
    }

    /// <summary>A text reply with menu buttons (all of them when no intents are named).</summary>
    public static Activity Reply(string text, TurnInfo turn, params string[] intents)
    {
        var reply = MessageFactory.Text(text);
        reply.TextFormat = TextFormatTypes.Markdown;
        reply.SuggestedActions = Actions(turn, intents);
        return reply;
    }

    /// <summary>A question with its answer buttons; each button sends its title.</summary>
    public static Activity Question(string text, params string[] buttons)
    {
        var question = MessageFactory.Text(text);
        question.TextFormat = TextFormatTypes.Markdown;
        question.SuggestedActions = new SuggestedActions { Actions = [.. buttons.Select(b => Button(b))] };
        return question;
    }

    public static string Title(TurnInfo turn, string intent) =>
        turn.Text(Items.Concat(MoreIntents).First(i => i.Intent == intent).TitleKey);

    /// <summary>Whether an intent has a button title (and so can be offered in a clarifying question).</summary>
    public static bool HasTitle(string intent) => Items.Concat(MoreIntents).Any(i => i.Intent == intent);

    public static CardAction Button(string title, string? value = null) =>
        new(ActionTypes.ImBack, title, value: value ?? title);

    private static Dictionary<string, string> BuildTitleIndex()
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var culture in new[] { BotLanguage.ChineseCulture, BotLanguage.EnglishCulture })
        {
            foreach (var (intent, key) in Items.Concat(MoreIntents))
            {
                index[TextInput.NormalizeAnswer(BotText.Phrase(culture, key))] = intent;
            }

            index[TextInput.NormalizeAnswer(BotText.Phrase(culture, nameof(Strings.Button_OtherOrder)))] = Intents.OrderStatus;
        }

        return index;
    }
}
