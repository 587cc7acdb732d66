using System.Text.Json;
using HelpBot.AgentDesk.Cases;
using HelpBot.Platform.Models;

namespace HelpBot.Stories.Tests;

/// <summary>
/// Judges the world after a story: the orders it names are in the state it says, and nothing else happened. Every
/// ticket, merchant message and desk case must be one the outcome lists; no order it does not name was changed; no
/// order was cancelled twice.
/// </summary>
public sealed class OutcomeCheck(StoryHost host, Story story, List<string> failures)
{
    private readonly Outcome _expected = story.Outcome ?? new Outcome();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var state = host.Sandbox.State;
        foreach (var (number, expected) in _expected.Orders)
        {
            JudgeOrder(number, expected);
        }

        foreach (var action in state.OrderActions.Where(a => a.Outcome == "done" && !_expected.Orders.ContainsKey(a.OrderNumber)))
        {
            failures.Add($"world: order {action.OrderNumber} was changed ({action.Action}), but the story names no change to it.");
        }

        foreach (var group in state.OrderActions.Where(a => a.Action == "cancel" && a.Outcome != "repeat").GroupBy(a => a.OrderNumber).Where(g => g.Count() > 1))
        {
            failures.Add($"world: order {group.Key} was asked to be cancelled {group.Count()} times.");
        }

        Match(
            "ticket",
            _expected.Tickets,
            state.Tickets,
            (e, t) => (e.Order is null || e.Order == t.OrderNumber) && (e.Category is null || e.Category == t.Category),
            t => $"{t.TicketId} (order {t.OrderNumber ?? "none"}, {t.Category})",
            e => $"order {e.Order ?? "any"}, category {e.Category ?? "any"}");

        Match(
            "merchant message",
            _expected.MerchantMessages,
            state.MerchantMessages,
            (e, m) => e.Order is null || e.Order == m.OrderNumber,
            m => $"{m.MessageId} (order {m.OrderNumber})",
            e => $"order {e.Order ?? "any"}");

        var cases = new List<EscalationCase>();
        foreach (var entry in await host.Cases.OpenCasesAsync(cancellationToken))
        {
            if (await host.Cases.GetAsync(entry.Id, cancellationToken) is { } c)
            {
                cases.Add(c);
            }
        }

        Match("case", _expected.Cases, cases, CaseMatches, DescribeCase, e => $"order {e.Order ?? "any"}, problem {e.Problem ?? "any"}, route {e.Route ?? "any"}");

        if (_expected.Linked is { } linked)
        {
            var link = await host.Links.GetAsync(story.Who.Channel, story.Who.User, cancellationToken);
            if ((link is not null) != linked)
            {
                failures.Add(linked ? "world: the account should be linked, it is not." : $"world: the account should not be linked, it is linked to {link!.UserId}.");
            }
        }
    }

    private void JudgeOrder(string number, OrderOutcome expected)
    {
        Order order;
        try
        {
            order = host.Sandbox.State.GetOrder(number);
        }
        catch (Exception ex)
        {
            failures.Add($"world: order {number} cannot be read: {ex.Message}");
            return;
        }

        if (expected.Status is { } status && Snake(order.Status) != status)
        {
            failures.Add($"world: order {number} should be {status}, it is {Snake(order.Status)}.");
        }

        if (expected.Payment is { } payment && Snake(order.Payment.State) != payment)
        {
            failures.Add($"world: order {number}'s payment should be {payment}, it is {Snake(order.Payment.State)}.");
        }

        if (expected.AddressContains is { } address && !order.Delivery.Address.Contains(address, StringComparison.Ordinal))
        {
            failures.Add($"world: order {number}'s address should contain \"{address}\", it is \"{order.Delivery.Address}\".");
        }

        if (expected.Rescheduled is { } rescheduled && (order.Delivery.ScheduledFor is not null) != rescheduled)
        {
            failures.Add(rescheduled
                ? $"world: order {number}'s delivery time should have been changed."
                : $"world: order {number}'s delivery time should not have been changed.");
        }
    }

    private static bool CaseMatches(CaseOutcome e, EscalationCase c) =>
        (e.Order is null || e.Order == c.OrderNumber)
        && (e.Problem is null || e.Problem == c.ProblemType)
        && (e.Route is null || e.Route == c.Route)
        && e.Checks.All(check => c.Checks.LastOrDefault(x => x.Name == check.Key)?.Result == check.Value)
        && e.Findings.All(f => c.Findings.Contains(f))
        && (e.Screenshots is null || e.Screenshots == c.Attachments.Count);

    private static string DescribeCase(EscalationCase c) =>
        $"{c.Id} (order {c.OrderNumber ?? "none"}, problem {c.ProblemType}, route {c.Route}, checks {string.Join(" ", c.Checks.Select(x => $"{x.Name}={x.Result}"))}, "
        + $"findings {string.Join(" ", c.Findings)}, screenshots {c.Attachments.Count})";

    /// <summary>Each expected item matched to its own actual one; what is left over on either side is a failure.</summary>
    private void Match<TExpected, TActual>(
        string what,
        IReadOnlyList<TExpected> expected,
        IReadOnlyList<TActual> actual,
        Func<TExpected, TActual, bool> matches,
        Func<TActual, string> describeActual,
        Func<TExpected, string> describeExpected)
    {
        var left = actual.ToList();
        foreach (var e in expected)
        {
            var index = left.FindIndex(a => matches(e, a));
            if (index < 0)
            {
                failures.Add($"world: expected a {what} with {describeExpected(e)}; there were: {(actual.Count == 0 ? "none" : string.Join("; ", actual.Select(describeActual)))}.");
            }
            else
            {
                left.RemoveAt(index);
            }
        }

        foreach (var extra in left)
        {
            failures.Add($"world: an unexpected {what}: {describeActual(extra)}.");
        }
    }

    private static string Snake<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
