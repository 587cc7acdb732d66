using HelpBot.AgentDesk.Cases;
using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Orders;
using HelpBot.Dialogs.Turns;
using HelpBot.Dialogs.WrapUp;
using HelpBot.Platform.Models;

namespace HelpBot.Dialogs.Problems;

/// <summary>The order a flow is about, as every flow's options carry it (a JSON property "OrderNumber").</summary>
internal sealed record OrderReference(string? OrderNumber, string? PickFrom = null);

/// <summary>Steps and helpers that every order-based flow shares.</summary>
public static class OrderSteps
{
    /// <summary>
    /// First step of an order-based flow: which order, and may this customer see it (<see cref="OrderLookupDialog"/>).
    /// The order the conversation is already about is used without asking again. The next step receives the
    /// <see cref="Order"/>, or null when there is none (the lookup has told the customer why).
    /// </summary>
    public static Task<DialogTurnResult> LookUpAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var reference = step.GetOptions<OrderReference>();
        return step.BeginDialogAsync(
            OrderLookupDialog.DialogId,
            new OrderLookupOptions(reference?.OrderNumber, UseCurrentOrder: reference?.PickFrom is null, PickFrom: reference?.PickFrom),
            cancellationToken);
    }

    /// <summary>Last step of a problem flow: "is it solved?", escalating an unsolved case by <paramref name="route"/>.</summary>
    public static Task<DialogTurnResult> WrapUpAsync(WaterfallStepContext step, string route, CancellationToken cancellationToken) =>
        step.ReplaceDialogAsync(WrapUpDialog.DialogId, new WrapUpOptions(route), cancellationToken);

    /// <summary>Opens (or re-aims) the conversation's case file for <paramref name="problemType"/> about <paramref name="order"/>.</summary>
    public static CaseFile OpenCase(TurnInfo turn, string problemType, Order order, DateTimeOffset now)
    {
        var file = CaseFiles.Open(turn, problemType, now);
        file.OrderNumber = order.OrderNumber;
        return file;
    }
}
