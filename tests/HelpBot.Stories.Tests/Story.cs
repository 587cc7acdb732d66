namespace HelpBot.Stories.Tests;

// The story format (tests/stories/*.yaml); docs/testing.md explains every field. YAML names are snake_case.

/// <summary>One file: the stories of one area.</summary>
public sealed class StoryFile
{
    public string Area { get; set; } = string.Empty;

    public List<Story> Stories { get; set; } = [];
}

public sealed class Story
{
    /// <summary>Unique within its area; the full id is <c>area/id</c>.</summary>
    public string Id { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public Who Who { get; set; } = new();

    public World World { get; set; } = new();

    public List<StoryTurn> Turns { get; set; } = [];

    /// <summary>The world at the end; null: nothing may have changed.</summary>
    public Outcome? Outcome { get; set; }

    /// <summary>A known defect, said in a sentence: the story is expected to fail until it is fixed (then remove this).</summary>
    public string? KnownDefect { get; set; }

    public List<string> Tags { get; set; } = [];

    // Set by the catalog.
    public string Area { get; set; } = string.Empty;

    public string File { get; set; } = string.Empty;

    public string FullId => $"{Area}/{Id}";

    public string Language => Who.Locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "zh";
}

public sealed class Who
{
    /// <summary>The sender's id: a platform user (demo-user, other-user) on a trusted channel, or anyone else.</summary>
    public string User { get; set; } = "demo-user";

    /// <summary>webchat, directline, msteams, test.</summary>
    public string Channel { get; set; } = "webchat";

    public string Locale { get; set; } = "zh-CN";

    /// <summary>What the app's chat window sends in channelData.clientInfo.</summary>
    public ClientInfoSpec? Client { get; set; }

    /// <summary>Start with the channel's conversationUpdate (the welcome) before the first turn.</summary>
    public bool Joins { get; set; }
}

public sealed class ClientInfoSpec
{
    public string? AppVersion { get; set; }

    public string? Platform { get; set; }

    public string? NetworkType { get; set; }
}

/// <summary>The sandbox's starting state: the seed, plus these.</summary>
public sealed class World
{
    /// <summary>Components with an ongoing incident: app, ordering, payment, delivery.</summary>
    public List<string> Incidents { get; set; } = [];

    /// <summary>Per-order changes (see the sandbox's OrderOverride), or new orders with copy_of.</summary>
    public Dictionary<string, OrderOverrideSpec> Orders { get; set; } = [];

    /// <summary>Every platform call fails with this status (e.g. 503): the order system is down.</summary>
    public int? PlatformFailsWith { get; set; }

    /// <summary>Faults on some platform routes only (e.g. the restaurant's backend).</summary>
    public List<FaultSpec> Faults { get; set; } = [];
}

public sealed class FaultSpec
{
    /// <summary>A platform path prefix such as /api/v1/merchant-backend/.</summary>
    public string Path { get; set; } = "/api/";

    public int? Status { get; set; }

    public int? DelayMs { get; set; }
}

public sealed class OrderOverrideSpec
{
    public string? CopyOf { get; set; }

    public string? User { get; set; }

    public string? Merchant { get; set; }

    public string? Status { get; set; }

    public double? StatusMinutesAgo { get; set; }

    public string? Payment { get; set; }

    public string? PaymentFailure { get; set; }

    public string? PaymentChannel { get; set; }

    public bool? Charged { get; set; }

    public bool? MerchantReceived { get; set; }

    public string? MerchantStatus { get; set; }

    public double? EtaInMinutes { get; set; }

    public double? RiderLastSeenMinutesAgo { get; set; }

    public string? Address { get; set; }
}

/// <summary>One thing the customer does: types (one of the variants), taps a button, or sends a picture.</summary>
public sealed class StoryTurn
{
    /// <summary>2-5 ways different customers would type the same thing; each run picks one.</summary>
    public List<string> Say { get; set; } = [];

    /// <summary>Taps the button whose title is this wording key (it must have been offered by the last reply).</summary>
    public string? Tap { get; set; }

    /// <summary>
    /// Taps this button if the last reply offers it. A bot that did not ask (the customer's words had already answered:
    /// "改送达时间" needs no "address or time?") is judged by <see cref="Expect"/> on the reply it already gave.
    /// </summary>
    public string? TapIfAsked { get; set; }

    /// <summary>Taps the order button for this order number.</summary>
    public string? TapOrder { get; set; }

    /// <summary>Taps the Nth button (from 1) of the last reply: for buttons whose titles are data, such as ratings.</summary>
    public int? TapNth { get; set; }

    /// <summary>Sends a picture: <c>screenshot</c> (a small PNG) or <c>pdf</c> (not a picture).</summary>
    public string? Attach { get; set; }

    /// <summary>The same message sent twice in a row (a double tap); <see cref="ThenExpect"/> judges the second.</summary>
    public bool Twice { get; set; }

    public TurnExpectation? Expect { get; set; }

    public TurnExpectation? ThenExpect { get; set; }
}

/// <summary>What a turn's replies must mean. Keys are resource names in Strings.resx.</summary>
public sealed class TurnExpectation
{
    /// <summary>Every one of these wordings is used.</summary>
    public List<string> Says { get; set; } = [];

    /// <summary>At least one of these wordings is used.</summary>
    public List<string> SaysAny { get; set; } = [];

    /// <summary>None of these wordings is used.</summary>
    public List<string> Never { get; set; } = [];

    /// <summary>Buttons offered, by the wording key of their title.</summary>
    public List<string> Buttons { get; set; } = [];

    public List<string> NoButtons { get; set; } = [];

    /// <summary>Order-choice buttons offered, by order number.</summary>
    public List<string> OrderButtons { get; set; } = [];

    /// <summary>Data the replies must name (order numbers, restaurants, ticket prefixes): facts, never sentences.</summary>
    public List<string> Names { get; set; } = [];

    public List<string> NotNames { get; set; } = [];

    /// <summary>zh or en; default: the story's locale.</summary>
    public string? Language { get; set; }

    /// <summary>No reply at all.</summary>
    public bool Silent { get; set; }
}

/// <summary>The world at the end of the story. What is not listed must not have happened.</summary>
public sealed class Outcome
{
    public Dictionary<string, OrderOutcome> Orders { get; set; } = [];

    public List<TicketOutcome> Tickets { get; set; } = [];

    public List<MerchantMessageOutcome> MerchantMessages { get; set; } = [];

    public List<CaseOutcome> Cases { get; set; } = [];

    /// <summary>Whether the story's sender ends with a linked platform account (Teams); null: not judged.</summary>
    public bool? Linked { get; set; }
}

public sealed class OrderOutcome
{
    public string? Status { get; set; }

    public string? Payment { get; set; }

    public string? AddressContains { get; set; }

    /// <summary>The delivery time was changed (true) or left alone (false).</summary>
    public bool? Rescheduled { get; set; }
}

public sealed class TicketOutcome
{
    public string? Order { get; set; }

    public string? Category { get; set; }
}

public sealed class MerchantMessageOutcome
{
    public string? Order { get; set; }
}

public sealed class CaseOutcome
{
    public string? Order { get; set; }

    public string? Problem { get; set; }

    /// <summary>platform or merchant.</summary>
    public string? Route { get; set; }

    /// <summary>Self-checks the case must carry, name to result (ok, problem, fixed, unknown).</summary>
    public Dictionary<string, string> Checks { get; set; } = [];

    public List<string> Findings { get; set; } = [];

    public int? Screenshots { get; set; }
}
