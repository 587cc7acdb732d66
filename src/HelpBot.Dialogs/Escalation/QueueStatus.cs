using HelpBot.AgentDesk.Cases;
using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Turns;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace HelpBot.Dialogs.Escalation;

/// <summary>Where an open case stands, in the customer's words, and how customers ask for it.</summary>
public static class QueueStatus
{
    // Recognition vocabulary, not wording shown to customers.
    private static readonly string[] Phrases =
    [
        "排到第几", "排第几", "排到几", "前面还有几", "前面还有多少", "排队", "多久轮到", "还要等多久", "客服什么时候", "工单进度", "进度怎么样",
        "where am i in the queue", "queue position", "position in the queue", "place in the queue", "how many people", "how long do i wait",
        "how long will it take", "when will an agent", "when will someone", "any update", "ticket status",
    ];

    public static bool AsksForPosition(string? text)
    {
        var normalized = TextInput.Normalize(text);
        return normalized.Length > 0 && Phrases.Any(p => normalized.Contains(p, StringComparison.Ordinal));
    }

    public static async Task<IActivity> DescribeAsync(CaseStore cases, EscalationCase escalation, TurnInfo turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(escalation);
        ArgumentNullException.ThrowIfNull(turn);
        if (escalation.Status == CaseStatus.Claimed)
        {
            return MessageFactory.Text(turn.Format(nameof(Strings.Queue_WithAgent), escalation.Id, escalation.ClaimedBy));
        }

        var position = await cases.PositionAsync(escalation.Id, cancellationToken) ?? 1;
        return MessageFactory.Text(turn.Format(nameof(Strings.Queue_Position), escalation.Id, position));
    }
}
