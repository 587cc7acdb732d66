using HelpBot.Dialogs.Conversation;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Runtime;
using HelpBot.Dialogs.State;
using HelpBot.Platform.Apis;
using HelpBot.Platform.Errors;
using HelpBot.Platform.Models;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace HelpBot.Dialogs.Troubleshooting;

public sealed record EscalationOptions(EscalationRoute Route);

/// <summary>
/// Hands an unsolved case on. Platform route: a support ticket through the platform's support API carrying the case
/// file (order, problem, findings, checks, actions), so the customer need not repeat anything. Merchant route: the
/// restaurant's phone and the offer to message it. Either way the customer learns who has the case and what comes next.
/// </summary>
public sealed class EscalationDialog : Dialog
{
    public const string DialogId = "escalation";

    private readonly ISupportApi _support;
    private readonly IOrdersApi _orders;
    private readonly TimeProvider _time;
    private readonly ILogger<EscalationDialog> _logger;

    public EscalationDialog(ISupportApi support, IOrdersApi orders, TimeProvider time, ILogger<EscalationDialog> logger)
        : base(DialogId)
    {
        _support = support;
        _orders = orders;
        _time = time;
        _logger = logger;
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var turn = dc.Context.Turn();
        var route = (options as EscalationOptions)?.Route ?? EscalationRoute.Platform;
        var file = turn.Data.Case ?? CaseFiles.Open(turn, Intents.HumanAgent, _time.GetUtcNow());

        if (route == EscalationRoute.Merchant && file.OrderNumber is { } number && await MerchantAsync(number, cancellationToken) is { } merchant)
        {
            file.Actions.Add(new CaseAction("merchant_contact_shown", "done", _time.GetUtcNow(), merchant.Id));
            await dc.Context.SendActivityAsync(
                MainMenu.Reply(turn.Format(nameof(Strings.Escalation_Merchant), merchant.Name, merchant.Phone, number), turn, Intents.HumanAgent),
                cancellationToken);
            return await dc.EndDialogAsync(null, cancellationToken);
        }

        try
        {
            var ticket = await _support.CreateTicketAsync(
                new CreateTicketRequest(turn.PlatformUserId ?? "unverified", file.OrderNumber, Category(file.ProblemType), Summary(file), Details(file, turn)),
                IdempotencyKey(dc, file),
                cancellationToken);
            file.Actions.Add(new CaseAction("support_ticket", "done", _time.GetUtcNow(), ticket.TicketId));
            await dc.Context.SendActivityAsync(MainMenu.Reply(turn.Format(nameof(Strings.Escalation_Ticket), ticket.TicketId), turn, Intents.OrderStatus), cancellationToken);
        }
        catch (Exception ex) when (ex is PlatformApiException or PlatformUnavailableException)
        {
            _logger.LogWarning(ex, "Could not create a support ticket");
            file.Actions.Add(new CaseAction("support_ticket", "failed", _time.GetUtcNow()));
            await dc.Context.SendActivityAsync(MainMenu.Reply(turn.Text(nameof(Strings.Escalation_TicketFailed)), turn), cancellationToken);
        }

        return await dc.EndDialogAsync(null, cancellationToken);
    }

    private async Task<MerchantInfo?> MerchantAsync(string orderNumber, CancellationToken cancellationToken)
    {
        try
        {
            return (await _orders.GetOrderAsync(orderNumber, cancellationToken)).Merchant;
        }
        catch (Exception ex) when (ex is PlatformApiException or PlatformUnavailableException)
        {
            _logger.LogWarning(ex, "Could not read the order to find its merchant");
            return null;
        }
    }

    private static string Category(string problemType) => problemType switch
    {
        Intents.PaymentFailed => "payment",
        Intents.Refund => "refund",
        Intents.StatusMismatch => "status_mismatch",
        Intents.DeliveryDelay => "delivery",
        Intents.OrderStuck or Intents.CancelOrder or Intents.ChangeOrder => "order",
        Intents.AppUnavailable => "app",
        _ => "other",
    };

    private static string Summary(CaseFile file) =>
        file.Findings.Count > 0 ? $"{file.ProblemType}: {string.Join(", ", file.Findings)}" : file.ProblemType;

    private static Dictionary<string, string> Details(CaseFile file, TurnInfo turn)
    {
        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["language"] = turn.Language,
            ["opened_at"] = file.OpenedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var check in file.Checks)
        {
            details[$"check.{check.Name}"] = $"{check.Result} ({check.Source}{(check.Detail is null ? string.Empty : ", " + check.Detail)})";
        }

        for (var i = 0; i < file.Actions.Count; i++)
        {
            var action = file.Actions[i];
            details[$"action.{i + 1}"] = $"{action.Name}: {action.Outcome}{(action.Detail is null ? string.Empty : " " + action.Detail)}";
        }

        return details;
    }

    // The same case escalated twice (a double tap) must not open two tickets.
    private static string IdempotencyKey(DialogContext dc, CaseFile file) =>
        Idempotency.Key(dc.Context.Activity.Conversation.Id, "ticket", file.ProblemType, file.OrderNumber, file.OpenedAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
}
