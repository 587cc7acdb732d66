using HelpBot.AgentDesk.Cases;
using HelpBot.Dialogs.Accounts;
using HelpBot.Language.Answers;
using HelpBot.Dialogs.Conversation;
using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Payment;
using HelpBot.Dialogs.Problems;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Turns;
using HelpBot.Platform.Apis;
using HelpBot.Platform.Errors;
using HelpBot.Platform.Models;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace HelpBot.Dialogs.Orders;

/// <summary>
/// Options for <see cref="OrderLookupDialog"/>: an order number already known from the message, if any; and whether the
/// order the conversation is already about may be used without asking again (follow-up questions about it).
/// </summary>
/// <paramref name="PickFrom"/>: words that may name one of the customer's orders ("I meant the one ending 0007").
public sealed record OrderLookupOptions(string? OrderNumber, bool UseCurrentOrder = false, string? PickFrom = null);

/// <summary>
/// Finds out which order the customer means and that they may see it: offers their recent orders (or takes a typed
/// number) and ends with the <see cref="Order"/>, or with null when it could not (it has then told the customer why).
/// Someone else's order, or one that does not exist, needs the last four digits of the phone number on the order first,
/// and the answer is the same in both cases so nothing reveals whether a number exists.
/// </summary>
public sealed class OrderLookupDialog : WaterfallDialog
{
    public const string DialogId = "orderLookup";
    public const string OrderNumberPromptId = "orderLookup.orderNumber";
    public const string PhoneDigitsPromptId = "orderLookup.phoneDigits";
    public const int MaxPhoneCheckFailures = 3;
    private const int RecentOrdersShown = 8;
    private const string NumberKey = "number";

    private readonly IOrdersApi _orders;
    private readonly OrderStatusPresenter _presenter;
    private readonly ILogger<OrderLookupDialog> _logger;
    private readonly PhoneCheckThrottle _phoneChecks;
    private readonly TimeProvider _time;
    private readonly CustomerIdentity _identity;

    public OrderLookupDialog(IOrdersApi orders, OrderStatusPresenter presenter, ILogger<OrderLookupDialog> logger, PhoneCheckThrottle phoneChecks, TimeProvider time, CustomerIdentity identity)
        : base(DialogId)
    {
        _identity = identity;
        _orders = orders;
        _presenter = presenter;
        _logger = logger;
        _phoneChecks = phoneChecks;
        _time = time;
        AddStep(ChooseOrderAsync);
        AddStep(LookUpAsync);
        AddStep(VerifyPhoneAsync);
    }

    /// <summary>The prompts this dialog uses; register them in the same dialog set.</summary>
    public static IEnumerable<Dialog> Prompts()
    {
        yield return new OrderNumberPrompt(OrderNumberPromptId);
        yield return new TextPrompt(PhoneDigitsPromptId, PhoneDigitsValidatorAsync);
    }

    private static async Task<bool> PhoneDigitsValidatorAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
    {
        if (PhoneDigits(prompt.Recognized.Value) is not null)
        {
            return true;
        }

        await prompt.Context.SendActivityAsync(prompt.Context.Turn().Text(nameof(Strings.Verify_NeedFourDigits)), cancellationToken: cancellationToken);
        return false;
    }

    private async Task<DialogTurnResult> ChooseOrderAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Context.Turn();
        var options = step.GetOptions<OrderLookupOptions>();
        if (options?.OrderNumber is { } known)
        {
            return await step.NextAsync(known, cancellationToken);
        }

        if (options?.UseCurrentOrder == true && turn.Data.CurrentOrderNumber is { } current)
        {
            // The lookup step checks access again; the current order passed that check when it became current.
            return await step.NextAsync(current, cancellationToken);
        }

        IReadOnlyList<OrderSummary> recent = [];
        if (turn.PlatformUserId is { } userId)
        {
            try
            {
                recent = (await _orders.GetRecentOrdersAsync(userId, RecentOrdersShown, cancellationToken)).Orders;
            }
            catch (PlatformApiException ex) when (ex.IsNotFound)
            {
                // Not a platform user (yet): they can still type an order number and prove it is theirs.
            }
            catch (PlatformUnavailableException ex)
            {
                return await PlatformUnavailableAsync(step, ex, cancellationToken);
            }
        }

        if (options?.PickFrom is { } words
            && OrderReferenceReader.Read(words, [.. recent.Select(o => new ListedOrder(o.OrderNumber, o.MerchantName, Dishes(o)))]) is { } picked)
        {
            return await step.NextAsync(recent[picked].OrderNumber, cancellationToken);
        }

        var prompt = recent.Count == 0
            ? MessageFactory.Text(turn.Text(nameof(Strings.Order_AskNumber)))
            : RecentOrdersPrompt(recent, turn);
        if (turn.PlatformUserId is null && !_identity.IsTrusted(step.Context.Activity.ChannelId))
        {
            // A linked account lists the customer's orders next time (AccountLinkCommands handles the button).
            prompt.SuggestedActions = new SuggestedActions { Actions = [MainMenu.Button(turn.Text(nameof(Strings.Link_Button)))] };
        }

        return await step.PromptAsync(OrderNumberPromptId, new PromptOptions
        {
            Prompt = prompt,
            RetryPrompt = MessageFactory.Text(turn.Text(nameof(Strings.Order_AskNumberRetry))),
            // The synonyms are what OrderNumberPrompt reads a typed choice against (last digits, label, restaurant, dishes).
            Choices = [.. recent.Select(o => new Choice(o.OrderNumber, null, [o.OrderNumber[^4..], _presenter.ShortLabel(o, turn), o.MerchantName, .. Dishes(o)]))],
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> LookUpAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Context.Turn();
        if (step.Result is not string number)
        {
            return await GiveUpAsync(step, cancellationToken);
        }

        Order? order;
        try
        {
            order = await GetOrderOrNullAsync(number, cancellationToken);
        }
        catch (PlatformUnavailableException ex)
        {
            return await PlatformUnavailableAsync(step, ex, cancellationToken);
        }

        if (order is not null && MayShow(order, turn))
        {
            return await FoundAsync(step, order, cancellationToken);
        }

        if (turn.Data.PhoneCheckFailures >= MaxPhoneCheckFailures)
        {
            await step.Context.SendActivityAsync(MainMenu.Reply(turn.Text(nameof(Strings.Verify_TooManyAttempts)), turn, Intents.HumanAgent), cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }

        // The per-conversation limit alone would let a stranger open a new conversation and guess again.
        var (channel, user) = PhoneCheckUser(step.Context.Activity, turn);
        if (await _phoneChecks.IsBlockedAsync(channel, user, cancellationToken))
        {
            _logger.LogInformation("Phone check refused: too many recent failures for this user across conversations");
            await step.Context.SendActivityAsync(MainMenu.Reply(turn.Text(nameof(Strings.Verify_TooManyAttemptsUser)), turn, Intents.HumanAgent), cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }

        step.SetValue(NumberKey, number);
        if (turn.SuppliedPhoneDigits is { } supplied)
        {
            turn.SuppliedPhoneDigits = null;
            return await step.NextAsync(supplied, cancellationToken);
        }

        return await step.PromptAsync(PhoneDigitsPromptId, new PromptOptions
        {
            Prompt = MessageFactory.Text(turn.Text(nameof(Strings.Verify_AskPhoneDigits))),
            MaxAttempts = 2,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> VerifyPhoneAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Context.Turn();
        var number = step.GetValue<string>(NumberKey)!;
        if (step.Result is not string digits)
        {
            return await GiveUpAsync(step, cancellationToken);
        }

        Order? order;
        try
        {
            order = await GetOrderOrNullAsync(number, cancellationToken);
        }
        catch (PlatformUnavailableException ex)
        {
            return await PlatformUnavailableAsync(step, ex, cancellationToken);
        }

        if (order is not null && PhoneDigits(digits) is { } lastFour && order.UserPhone.EndsWith(lastFour, StringComparison.Ordinal))
        {
            turn.Data.AddVerified(number);
            return await FoundAsync(step, order, cancellationToken);
        }

        // One answer for "no such order" and "wrong phone": nothing tells a stranger which it was.
        turn.Data.PhoneCheckFailures++;
        var (failedChannel, failedUser) = PhoneCheckUser(step.Context.Activity, turn);
        await _phoneChecks.RecordFailureAsync(failedChannel, failedUser, cancellationToken);
        _logger.LogInformation("Phone check failed ({Failures} in this conversation)", turn.Data.PhoneCheckFailures);
        var reply = turn.Text(nameof(Strings.Verify_NoMatch));
        if (turn.Data.PhoneCheckFailures < MaxPhoneCheckFailures && step.Dialog.ParentDialog is { } flow)
        {
            // Mistyped digits are common: the next four digits run the same request for the same order again.
            var options = flow.State["options"] is JObject saved ? (JObject)saved.DeepClone() : [];
            options["OrderNumber"] = number;
            turn.Data.PhoneCheckRetry = new PhoneCheckRetry(flow.Id, options);
            reply += "\n\n" + turn.Text(nameof(Strings.Verify_TypeAgain));
        }

        await step.Context.SendActivityAsync(MainMenu.Reply(reply, turn, Intents.OrderStatus, Intents.HumanAgent), cancellationToken);
        return await step.EndAsync(null, cancellationToken);
    }

    /// <summary>The last four digits of the phone in what the customer typed ("9000", "后四位9000", "it's 8000").</summary>
    private static string? PhoneDigits(string? text) => DigitAnswerReader.Read(text, 4);

    // The platform user when the channel vouches for one, else the channel's sender id (one per device or account).
    private static (string Channel, string User) PhoneCheckUser(IActivity activity, TurnInfo turn) =>
        (activity.ChannelId ?? "unknown", turn.PlatformUserId ?? activity.From?.Id ?? "anonymous");

    private static bool MayShow(Order order, TurnInfo turn) =>
        (turn.PlatformUserId is { } userId && string.Equals(order.UserId, userId, StringComparison.Ordinal))
        || turn.Data.HasVerified(order.OrderNumber);

    private async Task<Order?> GetOrderOrNullAsync(string number, CancellationToken cancellationToken)
    {
        try
        {
            return await _orders.GetOrderAsync(number, cancellationToken);
        }
        catch (PlatformApiException ex) when (ex.IsNotFound)
        {
            return null;
        }
    }

    // The order itself is the result: the parent resumes in this same turn, so it needs no second platform call.
    private static Task<DialogTurnResult> FoundAsync(WaterfallStepContext step, Order order, CancellationToken cancellationToken)
    {
        step.Context.Turn().Data.Focus(order.OrderNumber);
        return step.EndAsync(order, cancellationToken);
    }

    /// <summary>An order's dishes as the customer may name them: as the restaurant wrote them, and in English when given.</summary>
    private static string[] Dishes(OrderSummary order) =>
        order.ItemsSummaryEnglish is { } english ? [order.ItemsSummary, english] : [order.ItemsSummary];

    private Activity RecentOrdersPrompt(IReadOnlyList<OrderSummary> recent, TurnInfo turn)
    {
        var lines = recent.Select((o, i) => $"{i + 1}. {_presenter.ShortLabel(o, turn)} · {o.OrderNumber}");
        var prompt = MessageFactory.Text(turn.Text(nameof(Strings.Order_PickRecent)) + "\n\n" + string.Join("\n", lines));
        prompt.TextFormat = TextFormatTypes.Markdown;
        prompt.SuggestedActions = new SuggestedActions
        {
            Actions = [.. recent.Select(o => MainMenu.Button(_presenter.ShortLabel(o, turn), o.OrderNumber))],
        };
        return prompt;
    }

    private async Task<DialogTurnResult> PlatformUnavailableAsync(WaterfallStepContext step, PlatformUnavailableException ex, CancellationToken cancellationToken)
    {
        _logger.LogWarning(ex, "Order system unavailable during the order-status flow");
        var turn = step.Context.Turn();
        var unavailable = turn.PlatformUnavailableApology();
        if (StartedByPayment(step.Dialog))
        {
            // The payment checks that need no order data still help: run them in place of the lookup. The payment
            // dialog then resumes without an order and ends, as it does whenever the lookup finds nothing.
            await step.Context.SendActivityAsync(
                MessageFactory.Text(unavailable + "\n\n" + turn.Text(nameof(Strings.Platform_UnavailablePaymentChecks))), cancellationToken);
            CaseFiles.Open(turn, Intents.PaymentFailed, _time.GetUtcNow());
            return await step.ReplaceDialogAsync(
                SelfCheckDialog.DialogId,
                new SelfCheckOptions([CheckNames.Network, CheckNames.PaymentMethod, CheckNames.AppVersion], CustomerText: null),
                cancellationToken);
        }

        // Self-checks that need no order data (app down, payment) and a person stay on offer; the next turn tries again.
        var text = unavailable + "\n\n" + turn.Text(nameof(Strings.Platform_UnavailableSelfHelp));
        await step.Context.SendActivityAsync(MainMenu.Reply(text, turn, Intents.AppUnavailable, Intents.PaymentFailed, Intents.HumanAgent), cancellationToken);
        return await step.EndAsync(null, cancellationToken);
    }

    // The payment checks help a failed payment, not a refund question.
    private static bool StartedByPayment(DialogContext dc) =>
        dc.ParentDialog is { } parent && parent.Id == PaymentDialog.DialogId
        && parent.Get<TroubleshootingOptions>("options")?.Problem != Intents.Refund;

    private static async Task<DialogTurnResult> GiveUpAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Context.Turn();
        await step.Context.SendActivityAsync(MainMenu.Reply(turn.Text(nameof(Strings.Prompt_GaveUp)), turn), cancellationToken);
        return await step.EndAsync(null, cancellationToken);
    }
}
