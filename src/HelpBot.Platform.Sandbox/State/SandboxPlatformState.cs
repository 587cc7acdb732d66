using System.Globalization;
using System.Net;
using HelpBot.Platform.Errors;
using HelpBot.Platform.Models;
using HelpBot.Platform.Sandbox.Admin;

namespace HelpBot.Platform.Sandbox.State;

/// <summary>
/// The sandbox platform's in-memory data: orders, incidents, tickets, merchant messages, idempotency records and
/// injected faults. Every read and change takes one lock, so concurrent requests see consistent orders and an
/// idempotency key is honoured even when the same request arrives twice at once. Methods throw
/// <see cref="SandboxRequestException"/> for what the HTTP API answers with a 4xx.
/// </summary>
public sealed class SandboxPlatformState
{
    public const string DefaultFaultPathPrefix = "/api/";
    public const int MaxRecentOrders = 50;

    private const int MaxIdempotencyKeyLength = 200;
    private const int MaxFaultDelayMs = 60_000;

    /// <summary>Categories a support ticket may have; see <see cref="CreateTicketRequest"/>.</summary>
    private static readonly HashSet<string> TicketCategories =
        new(["payment", "refund", "status_mismatch", "delivery", "order", "app", "other"], StringComparer.Ordinal);

    private static readonly HashSet<string> Components =
        new([PlatformComponents.App, PlatformComponents.Ordering, PlatformComponents.Payment, PlatformComponents.Delivery], StringComparer.Ordinal);

    // The platform's business day is China Standard Time; it dates ticket and message ids.
    private static readonly TimeSpan PlatformUtcOffset = TimeSpan.FromHours(8);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, SandboxOrder> _orders = new(StringComparer.Ordinal);
    private readonly List<Incident> _incidents = [];
    private readonly List<SupportTicket> _tickets = [];
    private readonly List<RecordedMerchantMessage> _merchantMessages = [];
    private readonly Dictionary<(string Action, string Key), (string Target, object Result)> _idempotentResults = [];
    private readonly List<SandboxFaultRule> _faults = [];
    private readonly List<RecordedOrderAction> _orderActions = [];
    private int _ticketSequence;
    private int _messageSequence;
    private int _incidentSequence;
    private long _faultSequence;

    public SandboxPlatformState(TimeProvider? timeProvider = null)
    {
        TimeProvider = timeProvider ?? TimeProvider.System;
        Accounts = new SandboxAccountVerification(TimeProvider, UserByPhone);
        Reset();
    }

    public TimeProvider TimeProvider { get; }

    /// <summary>SMS verification codes and the SMS outbox (<c>/api/v1/accounts/...</c>, <c>GET /sandbox/sms</c>).</summary>
    public SandboxAccountVerification Accounts { get; }

    private DateTimeOffset Now => TimeProvider.GetUtcNow();

    /// <summary>Back to the seed: orders, no incidents, tickets, messages, idempotency records or faults.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _orders.Clear();
            foreach (var order in SandboxSeed.CreateOrders())
                _orders.Add(order.OrderNumber, order);
            _incidents.Clear();
            _tickets.Clear();
            _merchantMessages.Clear();
            _idempotentResults.Clear();
            _faults.Clear();
            _orderActions.Clear();
            Accounts.Clear();
            _ticketSequence = 0;
            _messageSequence = 0;
            _incidentSequence = 0;
        }
    }

    // ---- Orders -------------------------------------------------------------------------------------------------

    public RecentOrdersResponse GetRecentOrders(string userId, int limit)
    {
        if (limit is < 1 or > MaxRecentOrders)
            throw SandboxRequestException.Invalid($"limit must be between 1 and {MaxRecentOrders}.");

        var now = Now;
        SandboxOrder[] orders;
        lock (_gate)
        {
            RequireUser(userId);
            orders = [.. _orders.Values.Where(order => order.UserId == userId)];
        }

        var summaries = orders.Select(order => order.ToSummary(now))
            .OrderByDescending(summary => summary.PlacedAt)
            .ThenByDescending(summary => summary.OrderNumber, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        return new RecentOrdersResponse(userId, summaries);
    }

    public Order GetOrder(string orderNumber)
    {
        var now = Now;
        lock (_gate)
            return FindOrder(orderNumber).ToOrder(now);
    }

    public MerchantOrderView GetMerchantOrder(string orderNumber)
    {
        var now = Now;
        lock (_gate)
            return FindOrder(orderNumber).ToMerchantView(now);
    }

    public CancelOrderResult CancelOrder(string orderNumber, CancelOrderRequest request, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireText(request.RequestedBy, "requestedBy", 100);
        RequireText(request.Reason, "reason", 500);
        RequireIdempotencyKey(idempotencyKey);

        lock (_gate)
        {
            return Recorded("cancel", orderNumber, idempotencyKey, () => Idempotent("cancel", idempotencyKey, orderNumber, () =>
            {
                var order = FindOrder(orderNumber);
                if (order.Status is OrderStatus.PickedUp or OrderStatus.Delivering or OrderStatus.Delivered or OrderStatus.Cancelled)
                {
                    throw new SandboxRequestException(HttpStatusCode.Conflict, PlatformErrorCodes.OrderNotCancellable,
                        $"Order {orderNumber} is {StatusName(order.Status)} and can no longer be cancelled.");
                }

                var now = Now;
                var (pinned, at) = order.PinAt(now);
                var refund = pinned.CustomerCharged
                    ? new RefundInfo("pending", pinned.Amount, pinned.Currency, pinned.PaymentChannel, now + RefundTime(pinned.PaymentChannel))
                    : new RefundInfo("none", 0m, pinned.Currency, pinned.PaymentChannel, null);

                _orders[orderNumber] = pinned with
                {
                    Timeline = [.. pinned.Timeline, new TimelineMark(OrderStatus.Cancelled, at)],
                    Eta = null,
                    PaymentState = pinned.CustomerCharged ? PaymentState.Refunded : pinned.PaymentState,
                    MerchantStatus = pinned.MerchantReceived ? OrderStatus.Cancelled : null,
                    MerchantUpdatedAt = pinned.MerchantReceived && pinned.MerchantStatus != OrderStatus.Cancelled ? at : pinned.MerchantUpdatedAt,
                };
                return new CancelOrderResult(orderNumber, OrderStatus.Cancelled, refund);
            }));
        }
    }

    public DeliveryChangeResult ChangeDelivery(string orderNumber, DeliveryChangeRequest request, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireText(request.RequestedBy, "requestedBy", 100);
        if (request.Address is null && request.ScheduledFor is null)
            throw SandboxRequestException.Invalid("Nothing to change: give address, scheduledFor, or both.");
        if (request.Address is not null)
            RequireText(request.Address, "address", 200);
        if (request.ScheduledFor is { } requested && (requested <= Now || requested > Now.AddDays(7)))
            throw SandboxRequestException.Invalid("scheduledFor must be in the future and at most 7 days ahead.");
        RequireIdempotencyKey(idempotencyKey);

        lock (_gate)
        {
            return Recorded("delivery_change", orderNumber, idempotencyKey, () => Idempotent("delivery-change", idempotencyKey, orderNumber, () =>
            {
                var order = FindOrder(orderNumber);
                if (order.Status is OrderStatus.Delivered or OrderStatus.Cancelled)
                {
                    throw new SandboxRequestException(HttpStatusCode.Conflict, PlatformErrorCodes.OrderNotChangeable,
                        $"Order {orderNumber} is {StatusName(order.Status)}; its delivery can no longer be changed.");
                }

                var now = Now;
                var (pinned, at) = order.PinAt(now);
                var updated = pinned with { Address = request.Address?.Trim() ?? pinned.Address };
                if (request.ScheduledFor is { } scheduledFor)
                {
                    var newEta = scheduledFor - pinned.PinnedAt!.Value;
                    updated = updated with
                    {
                        ScheduledFor = newEta,
                        Eta = newEta,
                        EtaHistory = pinned.Eta is { } previous && previous != newEta
                            ? [.. pinned.EtaHistory, new EtaMark(previous, newEta, at, null)]
                            : pinned.EtaHistory,
                    };
                }

                _orders[orderNumber] = updated;
                return new DeliveryChangeResult(orderNumber, updated.ToOrder(now).Delivery);
            }));
        }
    }

    /// <summary>Every cancel and delivery change asked for since the last reset, in order, with its outcome.</summary>
    public IReadOnlyList<RecordedOrderAction> OrderActions
    {
        get
        {
            lock (_gate)
                return [.. _orderActions];
        }
    }

    /// <summary>Changes an order (or adds one copied from another) as <paramref name="change"/> says; see <see cref="OrderOverride"/>.</summary>
    public Order OverrideOrder(string orderNumber, OrderOverride change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (orderNumber is not { Length: >= 16 and <= 19 } || !orderNumber.All(char.IsAsciiDigit))
            throw SandboxRequestException.Invalid("An order number has 16 to 19 digits.");

        lock (_gate)
        {
            SandboxOrder order;
            if (change.CopyOf is { } source)
            {
                if (_orders.ContainsKey(orderNumber))
                    throw SandboxRequestException.Invalid($"Order {orderNumber} exists already; copyOf adds a new order.");
                order = FindOrder(source) with { OrderNumber = orderNumber };
            }
            else
            {
                order = FindOrder(orderNumber);
            }

            order = SandboxOrderOverrides.Apply(order, change, Merchant, UserPhone);
            _orders[orderNumber] = order;
            return order.ToOrder(Now);
        }
    }

    private static MerchantInfo Merchant(string merchantId) =>
        SandboxSeed.Merchants.FirstOrDefault(m => m.Id == merchantId)
        ?? throw SandboxRequestException.Invalid($"No merchant {merchantId}; the seed has {string.Join(", ", SandboxSeed.Merchants.Select(m => m.Id))}.");

    private static string UserPhone(string userId) =>
        SandboxSeed.Users.TryGetValue(userId, out var phone) ? phone : throw SandboxRequestException.Invalid($"No user {userId}.");

    // ---- Merchant backend and support ------------------------------------------------------------------------

    public MerchantMessageResult SendMerchantMessage(string orderNumber, MerchantMessageRequest request, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireText(request.Text, "text", 1000);
        var attachments = request.AttachmentUrls ?? [];
        if (attachments.Count > 5)
            throw SandboxRequestException.Invalid("attachmentUrls may hold at most 5 URLs.");
        foreach (var url in attachments)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                throw SandboxRequestException.Invalid($"attachmentUrls: '{url}' is not an absolute http(s) URL.");
        }

        RequireIdempotencyKey(idempotencyKey);

        lock (_gate)
        {
            return Idempotent("merchant-message", idempotencyKey, orderNumber, () =>
            {
                var order = FindOrder(orderNumber);
                var now = Now;
                var message = new RecordedMerchantMessage(
                    $"MSG{PlatformDate(now)}{++_messageSequence:D4}", orderNumber, order.Merchant.Id, request.Text, [.. attachments], now);
                _merchantMessages.Add(message);
                return new MerchantMessageResult(message.MessageId, orderNumber, order.Merchant.Id, now);
            });
        }
    }

    public SupportTicket CreateTicket(CreateTicketRequest request, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireText(request.UserId, "userId", 100);
        RequireText(request.Summary, "summary", 1000);
        if (request.Category is null || !TicketCategories.Contains(request.Category))
            throw SandboxRequestException.Invalid($"category must be one of: {string.Join(", ", TicketCategories)}.");
        if (request.Details is { Count: > 20 })
            throw SandboxRequestException.Invalid("details may hold at most 20 entries.");
        RequireIdempotencyKey(idempotencyKey);

        lock (_gate)
        {
            return Idempotent("ticket", idempotencyKey, $"{request.UserId}/{request.OrderNumber}", () =>
            {
                RequireUser(request.UserId);
                if (request.OrderNumber is not null && FindOrder(request.OrderNumber).UserId != request.UserId)
                {
                    // Same answer as for an unknown order: the platform does not confirm other people's order numbers.
                    throw OrderNotFound(request.OrderNumber);
                }

                var now = Now;
                var ticket = new SupportTicket(
                    $"T{PlatformDate(now)}{++_ticketSequence:D4}", request.UserId, request.OrderNumber, request.Category, "open", now);
                _tickets.Add(ticket);
                return ticket;
            });
        }
    }

    public IReadOnlyList<SupportTicket> Tickets
    {
        get
        {
            lock (_gate)
                return [.. _tickets];
        }
    }

    public IReadOnlyList<RecordedMerchantMessage> MerchantMessages
    {
        get
        {
            lock (_gate)
                return [.. _merchantMessages];
        }
    }

    // ---- Status, incidents, app versions ---------------------------------------------------------------------

    public PlatformStatus GetStatus()
    {
        lock (_gate)
            return new PlatformStatus([.. _incidents]);
    }

    public static AppVersions GetAppVersions() => SandboxSeed.AppVersions;

    /// <summary>Starts an incident on a component; locales without a message get the component's default.</summary>
    public Incident StartIncident(StartIncidentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Component is null || !Components.Contains(request.Component))
            throw SandboxRequestException.Invalid($"component must be one of: {string.Join(", ", Components)}.");

        var messages = new Dictionary<string, string>(DefaultIncidentMessages.For(request.Component), StringComparer.Ordinal);
        foreach (var (locale, text) in request.Messages ?? new Dictionary<string, string>())
        {
            RequireText(locale, "messages locale", 20);
            RequireText(text, $"messages[{locale}]", 500);
            messages[locale] = text;
        }

        lock (_gate)
        {
            var now = Now;
            var incident = new Incident($"INC{PlatformDate(now)}{++_incidentSequence:D3}", request.Component, now, messages);
            _incidents.Add(incident);
            return incident;
        }
    }

    /// <summary>False when no such incident is ongoing.</summary>
    public bool EndIncident(string incidentId)
    {
        lock (_gate)
            return _incidents.RemoveAll(incident => incident.Id == incidentId) > 0;
    }

    /// <summary>Ends every ongoing incident; returns how many there were.</summary>
    public int EndAllIncidents()
    {
        lock (_gate)
        {
            var count = _incidents.Count;
            _incidents.Clear();
            return count;
        }
    }

    // ---- Fault injection -------------------------------------------------------------------------------------

    public SandboxFault AddFault(AddFaultRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prefix = request.PathPrefix ?? DefaultFaultPathPrefix;
        if (!prefix.StartsWith(DefaultFaultPathPrefix, StringComparison.Ordinal))
            throw SandboxRequestException.Invalid($"pathPrefix must start with {DefaultFaultPathPrefix}: faults apply to platform routes only.");
        if (request.DelayMs is null && request.StatusCode is null)
            throw SandboxRequestException.Invalid("Give delayMs, statusCode, or both.");
        if (request.DelayMs is < 1 or > MaxFaultDelayMs)
            throw SandboxRequestException.Invalid($"delayMs must be between 1 and {MaxFaultDelayMs}.");
        if (request.StatusCode is < 400 or > 599)
            throw SandboxRequestException.Invalid("statusCode must be an error status between 400 and 599.");

        lock (_gate)
        {
            var sequence = ++_faultSequence;
            var rule = new SandboxFaultRule($"F{sequence}", prefix, request.DelayMs, request.StatusCode, sequence);
            _faults.Add(rule);
            return rule.ToFault();
        }
    }

    public bool RemoveFault(string faultId)
    {
        lock (_gate)
            return _faults.RemoveAll(rule => rule.Id == faultId) > 0;
    }

    public void ClearFaults()
    {
        lock (_gate)
            _faults.Clear();
    }

    public IReadOnlyList<SandboxFault> Faults
    {
        get
        {
            lock (_gate)
                return [.. _faults.Select(rule => rule.ToFault())];
        }
    }

    /// <summary>The most specific fault for a request path (newest on a tie), counted as hit; null when none applies.</summary>
    internal SandboxFaultRule? MatchFault(string path)
    {
        SandboxFaultRule? match;
        lock (_gate)
        {
            match = _faults
                .Where(rule => path.StartsWith(rule.PathPrefix, StringComparison.Ordinal))
                .OrderByDescending(rule => rule.PathPrefix.Length)
                .ThenByDescending(rule => rule.Order)
                .FirstOrDefault();
        }

        match?.RecordHit();
        return match;
    }

    // ---- Helpers ---------------------------------------------------------------------------------------------

    /// <summary>
    /// The first result for an (action, key) pair is kept and returned again for a repeat; a failed attempt keeps
    /// nothing, so the caller may retry it with the same key. Runs under the lock.
    /// </summary>
    private T Idempotent<T>(string action, string key, string target, Func<T> perform)
        where T : class
    {
        if (_idempotentResults.TryGetValue((action, key), out var first))
        {
            return first.Target == target
                ? (T)first.Result
                : throw SandboxRequestException.Invalid($"Idempotency-Key '{key}' was already used for a different {action} request.");
        }

        var result = perform();
        _idempotentResults[(action, key)] = (target, result);
        return result;
    }

    /// <summary>Runs an order action and records it with its outcome (a repeat of a used idempotency key counts as a repeat). Under the lock.</summary>
    private T Recorded<T>(string action, string orderNumber, string idempotencyKey, Func<T> perform)
    {
        var repeat = _idempotentResults.Keys.Any(k => k.Key == idempotencyKey && k.Action.Replace('-', '_') == action);
        try
        {
            var result = perform();
            _orderActions.Add(new RecordedOrderAction(action, orderNumber, repeat ? "repeat" : "done", null, Now));
            return result;
        }
        catch (SandboxRequestException ex)
        {
            _orderActions.Add(new RecordedOrderAction(action, orderNumber, "refused", ex.Code, Now));
            throw;
        }
    }

    private SandboxOrder FindOrder(string orderNumber) =>
        _orders.TryGetValue(orderNumber ?? string.Empty, out var order) ? order : throw OrderNotFound(orderNumber);

    private static SandboxRequestException OrderNotFound(string? orderNumber) =>
        new(HttpStatusCode.NotFound, PlatformErrorCodes.OrderNotFound, $"Order {orderNumber} was not found.");

    private static string? UserByPhone(string phone) =>
        SandboxSeed.Users.FirstOrDefault(user => user.Value == phone).Key;

    private static void RequireUser(string userId)
    {
        if (!SandboxSeed.Users.ContainsKey(userId ?? string.Empty))
            throw new SandboxRequestException(HttpStatusCode.NotFound, PlatformErrorCodes.UserNotFound, $"User {userId} was not found.");
    }

    private static void RequireText(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw SandboxRequestException.Invalid($"{field} is required and must not be blank.");
        if (value.Length > maxLength)
            throw SandboxRequestException.Invalid($"{field} must be at most {maxLength} characters.");
    }

    private static void RequireIdempotencyKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
            throw SandboxRequestException.Invalid("The Idempotency-Key header is required for actions.");
        if (key.Length > MaxIdempotencyKeyLength)
            throw SandboxRequestException.Invalid($"The Idempotency-Key header must be at most {MaxIdempotencyKeyLength} characters.");
    }

    // Wallet refunds land within a day; card refunds take the bank up to three.
    private static TimeSpan RefundTime(string channel) =>
        channel == "bank_card" ? TimeSpan.FromDays(3) : TimeSpan.FromDays(1);

    private static string StatusName(OrderStatus status) =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());

    private static string PlatformDate(DateTimeOffset now) =>
        now.ToOffset(PlatformUtcOffset).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
