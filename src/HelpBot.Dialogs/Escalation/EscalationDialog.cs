using System.Globalization;
using HelpBot.AgentDesk.Cases;
using HelpBot.Dialogs.Changes;
using HelpBot.Dialogs.Conversation;
using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Problems;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Turns;
using HelpBot.Dialogs.WrapUp;
using HelpBot.Platform;
using HelpBot.Platform.Apis;
using HelpBot.Platform.Errors;
using HelpBot.Platform.Models;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HelpBot.Dialogs.Escalation;

public sealed record EscalationOptions([property: JsonConverter(typeof(CaseRouteJsonConverter))] string Route);

/// <summary>
/// Hands an unsolved case to the party that can solve it, after asking for screenshots (<see cref="EvidenceDialog"/>).
/// Merchant route (the order is with the restaurant, wrong or missing items): a message to the restaurant through the
/// merchant backend with the order number, what we found and the screenshots. Platform route (payments, refunds,
/// status mismatches, rider problems, whatever the restaurant did not answer, and anyone who asks for a person): a
/// case in our agent queue with the order and its snapshot, problem, checks, actions, screenshots, language and the
/// transcript, plus a platform support ticket as its reference. The customer learns who has it, the ticket number and
/// the place in the queue, and that the agent's replies arrive in this chat.
/// </summary>
public sealed class EscalationDialog : WaterfallDialog
{
    public const string DialogId = "escalation";
    private const string CaseIdKey = "caseId";

    private readonly ISupportApi _support;
    private readonly IOrdersApi _orders;
    private readonly IMerchantBackendApi _merchants;
    private readonly AgentDeskService _desk;
    private readonly TimeProvider _time;
    private readonly ILogger<EscalationDialog> _logger;

    public EscalationDialog(
        ISupportApi support,
        IOrdersApi orders,
        IMerchantBackendApi merchants,
        AgentDeskService desk,
        TimeProvider time,
        ILogger<EscalationDialog> logger)
        : base(DialogId)
    {
        _support = support;
        _orders = orders;
        _merchants = merchants;
        _desk = desk;
        _time = time;
        _logger = logger;
        AddStep(AskForEvidenceAsync);
        AddStep(HandOverAsync);
    }

    private async Task<DialogTurnResult> AskForEvidenceAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Context.Turn();
        if (turn.Data.AgentCaseId is { } openId && await _desk.Cases.GetAsync(openId, cancellationToken) is { IsOpen: true } open)
        {
            // One open case per conversation: say where it stands instead of opening another.
            await step.Context.SendActivityAsync(await QueueStatus.DescribeAsync(_desk.Cases, open, turn, cancellationToken), cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }

        var caseId = _desk.Cases.NewCaseId();
        step.SetValue(CaseIdKey, caseId);
        return await step.BeginDialogAsync(EvidenceDialog.DialogId, new EvidenceOptions(caseId), cancellationToken);
    }

    private async Task<DialogTurnResult> HandOverAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Context.Turn();
        var screenshots = step.Result as List<CaseAttachment> ?? [];
        var caseId = step.GetValue<string>(CaseIdKey)!;
        var route = step.GetOptions<EscalationOptions>()?.Route ?? CaseRoutes.Platform;
        var file = turn.Data.Case ?? CaseFiles.Open(turn, Intents.HumanAgent, _time.GetUtcNow());
        file.OrderNumber ??= turn.Data.CurrentOrderNumber;
        var order = file.OrderNumber is { } number ? await OrderAsync(number, cancellationToken) : null;
        if (order is not null && !MayShow(order, turn))
        {
            // A number typed with the request for a person, not the customer's: the agent gets the number, not the order.
            order = null;
            file.AddFinding("order_not_verified");
        }

        if (route == CaseRoutes.Merchant && order is not null && await MessageMerchantAsync(step, file, order, screenshots, cancellationToken))
        {
            return await step.EndAsync(null, cancellationToken);
        }

        var ticketId = await PlatformTicketAsync(step, file, turn, order, cancellationToken);
        var escalation = new EscalationCase
        {
            Id = caseId,
            Route = CaseRoutes.Platform,
            CreatedAt = _time.GetUtcNow(),
            ConversationKey = ConversationStateStore.KeyFor(step.Context.Activity),
            Conversation = step.Context.Activity.GetConversationReference(),
            Language = turn.Language,
            UserId = turn.PlatformUserId,
            File = file.Snapshot(),
            OrderSnapshot = order is null ? null : JObject.Parse(System.Text.Json.JsonSerializer.Serialize(order, PlatformJson.Options)),
            Attachments = screenshots,
            PlatformTicketId = ticketId,
        };

        try
        {
            await _desk.OpenAsync(escalation, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Could not open case {CaseId} in the agent queue", caseId);
            await step.Context.SendActivityAsync(MainMenu.Reply(turn.Text(nameof(Strings.Escalation_TicketFailed)), turn), cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }

        turn.Data.AgentCaseId = caseId;
        file.Actions.Add(new CaseAction("agent_case", "done", _time.GetUtcNow(), caseId));
        var position = await _desk.Cases.PositionAsync(caseId, cancellationToken) ?? 1;
        await step.Context.SendActivityAsync(
            MessageFactory.Text(turn.Format(
                nameof(Strings.Escalation_Queued),
                caseId,
                screenshots.Count,
                position,
                file.OrderNumber is { } about ? turn.Format(nameof(Strings.Escalation_AboutOrder), about) : string.Empty)),
            cancellationToken);
        return await step.EndAsync(null, cancellationToken);
    }

    private async Task<bool> MessageMerchantAsync(WaterfallStepContext step, CaseFile file, Order order, List<CaseAttachment> screenshots, CancellationToken cancellationToken)
    {
        var turn = step.Context.Turn();
        var text = $"Order {order.OrderNumber}: customer reports {file.ProblemType}. Findings: {string.Join(", ", file.Findings)}. "
            + $"Checks: {string.Join("; ", file.Checks.Select(c => $"{c.Name}={c.Result}"))}. Please check the order and contact the customer.";
        var links = screenshots.Select(s => s.SourceUrl).OfType<string>().ToList();
        try
        {
            var sent = await _merchants.SendMerchantMessageAsync(
                order.OrderNumber,
                new MerchantMessageRequest(text, links.Count == 0 ? null : links),
                Idempotency.Key(step.Context.Activity.Conversation.Id, "merchant-escalation", order.OrderNumber, file.OpenedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
                cancellationToken);
            file.Actions.Add(new CaseAction("merchant_escalation", "done", _time.GetUtcNow(), sent.MessageId));
            await step.Context.SendActivityAsync(
                MainMenu.Reply(turn.Format(nameof(Strings.Escalation_MerchantSent), order.Merchant.Name, order.OrderNumber, screenshots.Count), turn, Intents.HumanAgent),
                cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is PlatformApiException or PlatformUnavailableException)
        {
            // The restaurant cannot be reached: platform support takes it instead.
            _logger.LogWarning(ex, "Could not message the merchant of order {OrderNumber}; escalating to platform support", order.OrderNumber);
            file.Actions.Add(new CaseAction("merchant_escalation", "failed", _time.GetUtcNow()));
            return false;
        }
    }

    private static bool MayShow(Order order, TurnInfo turn) =>
        string.Equals(order.UserId, turn.PlatformUserId, StringComparison.Ordinal) || turn.Data.HasVerified(order.OrderNumber);

    private async Task<Order?> OrderAsync(string orderNumber, CancellationToken cancellationToken)
    {
        try
        {
            return await _orders.GetOrderAsync(orderNumber, cancellationToken);
        }
        catch (Exception ex) when (ex is PlatformApiException or PlatformUnavailableException)
        {
            _logger.LogWarning(ex, "Could not read order {OrderNumber} for the case", orderNumber);
            return null;
        }
    }

    /// <summary>The platform's own ticket for the same case, kept as the case's reference; the case goes on without it.</summary>
    private async Task<string?> PlatformTicketAsync(WaterfallStepContext step, CaseFile file, TurnInfo turn, Order? order, CancellationToken cancellationToken)
    {
        // The platform files tickets for its users: the signed-in one, or the owner of an order this customer proved is
        // theirs with the phone digits. Anyone else gets our case without a platform ticket.
        var userId = turn.PlatformUserId ?? (order is not null && turn.Data.HasVerified(order.OrderNumber) ? order.UserId : null);
        if (userId is null)
        {
            file.Actions.Add(new CaseAction("support_ticket", "skipped", _time.GetUtcNow(), "no platform user"));
            return null;
        }

        try
        {
            var ticket = await _support.CreateTicketAsync(
                new CreateTicketRequest(userId, file.OrderNumber, Category(file.ProblemType), Summary(file), Details(file, turn)),
                Idempotency.Key(step.Context.Activity.Conversation.Id, "ticket", file.ProblemType, file.OrderNumber, file.OpenedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
                cancellationToken);
            file.Actions.Add(new CaseAction("support_ticket", "done", _time.GetUtcNow(), ticket.TicketId));
            return ticket.TicketId;
        }
        catch (Exception ex) when (ex is PlatformApiException or PlatformUnavailableException)
        {
            _logger.LogWarning(ex, "Could not create a platform support ticket");
            file.Actions.Add(new CaseAction("support_ticket", "failed", _time.GetUtcNow()));
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
            ["opened_at"] = file.OpenedAt.ToString("O", CultureInfo.InvariantCulture),
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
}
