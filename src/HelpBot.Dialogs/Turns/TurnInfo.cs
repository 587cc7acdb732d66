using System.Globalization;
using HelpBot.Dialogs.Conversation;
using HelpBot.Dialogs.Localization;
using HelpBot.Dialogs.Resources;
using Microsoft.Bot.Builder;

namespace HelpBot.Dialogs.Turns;

/// <summary>What every dialog needs to know about the current turn: language, the conversation's data, and the customer.</summary>
public sealed class TurnInfo
{
    public TurnInfo(string language, ConversationData data, string? platformUserId)
    {
        Language = language;
        Culture = BotLanguage.Culture(language);
        Data = data;
        PlatformUserId = platformUserId;
    }

    public string Language { get; }

    public CultureInfo Culture { get; }

    public ConversationData Data { get; }

    /// <summary>The platform user id when the channel vouches for the sender; null for an unknown or unlinked user.</summary>
    public string? PlatformUserId { get; }

    /// <summary>What each text of this turn was read as (see <c>TurnUnderstanding</c>): every text is recognised once.</summary>
    internal Dictionary<string, TurnIntent> Understood { get; } = new(StringComparer.Ordinal);

    /// <summary>Phone digits this turn's message already gave (a correction after a failed check): the check takes them unasked.</summary>
    public string? SuppliedPhoneDigits { get; set; }

    /// <summary>True once this turn told the customer the order system could not be reached: it got nowhere.</summary>
    public bool PlatformFailed { get; private set; }

    public string Text(string key) => BotText.Get(Culture, key);

    /// <summary>The "order system unavailable" apology; marks the turn as one that got nowhere, so a resend is answered.</summary>
    public string PlatformUnavailableApology()
    {
        PlatformFailed = true;
        return Text(nameof(Strings.Platform_Unavailable));
    }

    public string Format(string key, params object?[] args) => BotText.Format(Culture, key, args);
}

public static class TurnInfoExtensions
{
    // The SDK's TurnState hashes its keys culture-aware (through ICU) on every lookup, and dialogs ask for the turn's
    // info many times per turn; the turn's own async flow finds it here first, checked against the turn context.
    private static readonly AsyncLocal<(ITurnContext Context, TurnInfo Info)?> Current = new();

    /// <summary>Makes <paramref name="turn"/> what <see cref="Turn"/> returns for this turn.</summary>
    public static void Attach(this ITurnContext turnContext, TurnInfo turn)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState.Add(turn);
        Current.Value = (turnContext, turn);
    }

    /// <summary>The turn running in this async flow, if any (for services that are not handed the turn context).</summary>
    internal static TurnInfo? CurrentTurn => Current.Value?.Info;

    public static TurnInfo Turn(this ITurnContext turnContext) =>
        Current.Value is { } current && ReferenceEquals(current.Context, turnContext)
            ? current.Info
            : turnContext.TurnState.Get<TurnInfo>() ?? throw new InvalidOperationException("TurnInfo is set by the bot at the start of each turn.");
}
