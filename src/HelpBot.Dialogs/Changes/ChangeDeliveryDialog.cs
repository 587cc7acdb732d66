using HelpBot.AgentDesk.Cases;
using HelpBot.Dialogs.Conversation;
using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Orders;
using HelpBot.Dialogs.Problems;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Turns;
using HelpBot.Language.Answers;
using HelpBot.Platform.Apis;
using HelpBot.Platform.Errors;
using HelpBot.Platform.Models;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace HelpBot.Dialogs.Changes;

/// <summary>
/// Which order (null: ask), whether only the time may change (a delivery already on its way keeps its address), and the
/// customer's request in their words: when it already says the address or the time ("地址写错了"), that is not asked.
/// <paramref name="PickFrom"/>: words naming another of the customer's orders ("改一下另一单的地址").
/// </summary>
public sealed record ChangeDeliveryOptions(string? OrderNumber, bool OnlyTime = false, string? Request = null, string? PickFrom = null);

/// <summary>Change an order's delivery address or time through the platform, as the customer could in the app.</summary>
public sealed class ChangeDeliveryDialog : WaterfallDialog
{
    public const string DialogId = "changeDelivery";
    public const string WhatPromptId = "changeDelivery.what";
    public const string TimePromptId = "changeDelivery.time";
    public const string AddressPromptId = "changeDelivery.address";
    private const string Address = "address";
    private const string Time = "time";
    private static readonly string[] AddressOrTime = [Address, Time];
    private const string GivenKey = "givenAddress";

    private readonly IOrdersApi _orders;
    private readonly IMerchantBackendApi _merchant;
    private readonly TimeZoneInfo _zone;
    private readonly OrderStatusPresenter _presenter;
    private readonly TimeProvider _time;
    private readonly ILogger<ChangeDeliveryDialog> _logger;

    public ChangeDeliveryDialog(
        IOrdersApi orders, IMerchantBackendApi merchant, OrderStatusPresenter presenter, TimeProvider time, TimeZoneInfo zone, ILogger<ChangeDeliveryDialog> logger)
        : base(DialogId)
    {
        _zone = zone;
        _orders = orders;
        _merchant = merchant;
        _presenter = presenter;
        _time = time;
        _logger = logger;
        AddStep(OrderSteps.LookUpAsync);
        AddStep(AskWhatAsync);
        AddStep(AskValueAsync);
        AddStep(ApplyAsync);
    }

    /// <summary>The prompts without services; the time prompt (<see cref="DeliveryTimePrompt"/>) needs the clock and time zone.</summary>
    public static IEnumerable<Dialog> Prompts()
    {
        yield return new ChoicePrompt(WhatPromptId, readAnswer: NaturalAnswers.Action);
        yield return new TextPrompt(AddressPromptId, (prompt, _) => Task.FromResult(prompt.Recognized.Value!.Trim().Length is >= 6 and <= 200));
    }


    private async Task<DialogTurnResult> AskWhatAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not Order order)
        {
            return await step.EndAsync(false, cancellationToken);
        }

        step.SetValue("order", order.OrderNumber);
        step.SetValue("restaurant", order.Merchant.Name);
        if (!OrderRules.CanChangeDelivery(order))
        {
            var turnInfo = step.Context.Turn();
            var why = turnInfo.Text(nameof(Strings.Change_NotPossible)) + "\n\n" + _presenter.NextStep(order, turnInfo);
            await step.Context.SendActivityAsync(MainMenu.Reply(why, turnInfo, Intents.HumanAgent), cancellationToken);
            return await step.EndAsync(false, cancellationToken);
        }

        var options = step.GetOptions<ChangeDeliveryOptions>();
        if (order.Status is OrderStatus.Paid or OrderStatus.Accepted or OrderStatus.Preparing && await NobodyIsCookingAsync(order, cancellationToken))
        {
            // A new time or address helps nobody while the restaurant does not have the order (or has cancelled it): that
            // is the problem to solve first, and the stuck-order flow says so and offers what helps.
            return await step.ReplaceDialogAsync(OrderStuckDialog.DialogId, new TroubleshootingOptions(order.OrderNumber, options?.Request), cancellationToken);
        }

        if (options?.OnlyTime == true)
        {
            return await step.NextAsync(new FoundChoice(Time, 1), cancellationToken);
        }

        // "地址改成 虹桥路1号 5楼": the new address is already given, so it is not asked for.
        if (DeliveryAddressReader.FromRequest(options?.Request) is { } givenAddress)
        {
            step.SetValue(GivenKey, givenAddress);
            return await step.NextAsync(new FoundChoice(Address, 0), cancellationToken);
        }

        // "改一下送达时间", "能不能晚一个小时再送": which of the two is said, so that question is not asked.
        var said = ActionReader.Read(options?.Request, AddressOrTime)
            ?? (DeliveryTime.Parse(options?.Request, step.Context.Turn().Language, _time.GetUtcNow(), _zone) is not null ? Time : null);
        if (said is not null)
        {
            return await step.NextAsync(new FoundChoice(said, said == Address ? 0 : 1), cancellationToken);
        }

        var turn = step.Context.Turn();
        var choices = new List<Choice> { new(Address, turn.Text(nameof(Strings.Change_Address))), new(Time, turn.Text(nameof(Strings.Change_Time))) };
        var prompt = MainMenu.Reply(turn.Text(nameof(Strings.Change_AskWhat)), turn, []);
        prompt.SuggestedActions = new Microsoft.Bot.Schema.SuggestedActions { Actions = [.. choices.Select(c => MainMenu.Button(c.Title!))] };
        return await step.PromptAsync(WhatPromptId, new PromptOptions { Prompt = prompt, Choices = choices, MaxAttempts = 1 }, cancellationToken);
    }

    // The restaurant's side is a second opinion: when it cannot be read, the change goes ahead as the customer asked.
    private async Task<bool> NobodyIsCookingAsync(Order order, CancellationToken cancellationToken)
    {
        try
        {
            var view = await _merchant.GetMerchantOrderAsync(order.OrderNumber, cancellationToken);
            return !view.Received || view.Status == OrderStatus.Cancelled;
        }
        catch (Exception ex) when (ex is PlatformApiException or PlatformUnavailableException)
        {
            _logger.LogWarning(ex, "Merchant backend unavailable before a delivery change");
            return false;
        }
    }

    private static async Task<DialogTurnResult> AskValueAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not FoundChoice what)
        {
            return await Reroute.ToRootAsync(step.Dialog, cancellationToken);
        }

        var turn = step.Context.Turn();
        step.SetValue("what", what.Value);
        if (what.Value == Address && step.GetValue<string>(GivenKey) is { } given)
        {
            return await step.NextAsync(given, cancellationToken);
        }

        return what.Value == Address
            ? await step.PromptAsync(AddressPromptId, new PromptOptions
            {
                Prompt = MessageFactory.Text(turn.Text(nameof(Strings.Change_AskAddress))),
                RetryPrompt = MessageFactory.Text(turn.Text(nameof(Strings.Change_AskAddressRetry))),
            }, cancellationToken)
            : await step.PromptAsync(TimePromptId, new PromptOptions
            {
                Prompt = MessageFactory.Text(turn.Text(nameof(Strings.Change_AskTime))),
                RetryPrompt = MessageFactory.Text(turn.Text(nameof(Strings.Change_AskTimeRetry))),
            }, cancellationToken);
    }

    private async Task<DialogTurnResult> ApplyAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Context.Turn();
        var number = step.GetValue<string>("order")!;
        DeliveryChangeRequest request;
        switch (step.Result)
        {
            case DateTimeOffset time:
                request = new DeliveryChangeRequest(turn.PlatformUserId ?? "verified-by-phone", null, time);
                break;
            case string address:
                request = new DeliveryChangeRequest(turn.PlatformUserId ?? "verified-by-phone", address.Trim(), null);
                break;
            default:
                await step.Context.SendActivityAsync(MainMenu.Reply(turn.Text(nameof(Strings.Prompt_GaveUp)), turn), cancellationToken);
                return await step.EndAsync(false, cancellationToken);
        }

        try
        {
            var result = await _orders.ChangeDeliveryAsync(number, request, Idempotency.Key(step.Context.Activity.Conversation.Id, "change", number, request.Address, request.ScheduledFor?.ToString("O", System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
            var text = request.ScheduledFor is { } at
                ? turn.Format(nameof(Strings.Change_TimeDone), _presenter.Clock(at, _time.GetUtcNow(), turn.Culture), number, step.GetValue<string>("restaurant"))
                : turn.Format(nameof(Strings.Change_AddressDone), result.Delivery.Address, number, step.GetValue<string>("restaurant"));
            turn.Data.Case?.Actions.Add(new CaseAction(request.ScheduledFor is null ? "address_changed" : "delivery_time_changed", "done", _time.GetUtcNow()));
            await step.Context.SendActivityAsync(text, cancellationToken: cancellationToken);
            return await step.EndAsync(true, cancellationToken);
        }
        catch (PlatformApiException ex) when (ex.Code is PlatformErrorCodes.OrderNotChangeable or PlatformErrorCodes.InvalidRequest)
        {
            turn.Data.Case?.Actions.Add(new CaseAction("delivery_change", "failed", _time.GetUtcNow(), ex.Code));
            await step.Context.SendActivityAsync(turn.Text(nameof(Strings.Change_NotPossible)), cancellationToken: cancellationToken);
            return await step.EndAsync(false, cancellationToken);
        }
        catch (Exception ex) when (ex is PlatformApiException or PlatformUnavailableException)
        {
            _logger.LogWarning(ex, "Changing the delivery failed");
            await step.Context.SendActivityAsync(turn.PlatformUnavailableApology(), cancellationToken: cancellationToken);
            return await step.EndAsync(false, cancellationToken);
        }
    }
}

/// <summary>Asks for a delivery time and accepts one from now to the end of tomorrow (see <see cref="DeliveryTime"/>).</summary>
public sealed class DeliveryTimePrompt(string id, TimeProvider time, TimeZoneInfo zone) : Prompt<DateTimeOffset>(id, null)
{
    protected override Task<PromptRecognizerResult<DateTimeOffset>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        var at = DeliveryTime.Parse(turnContext.Activity.Text, turnContext.Turn().Language, time.GetUtcNow(), zone);
        return Task.FromResult(at is { } value ? PromptRecognizerResult<DateTimeOffset>.Of(value) : PromptRecognizerResult<DateTimeOffset>.Failed);
    }
}
