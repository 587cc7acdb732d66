using System.Globalization;
using HelpBot.Dialogs.Localization;
using HelpBot.Dialogs.State;
using Microsoft.Bot.Builder;

namespace HelpBot.Dialogs.Conversation;

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

    public string Text(string key) => BotText.Get(Culture, key);

    public string Format(string key, params object?[] args) => BotText.Format(Culture, key, args);
}

public static class TurnInfoExtensions
{
    public static TurnInfo Turn(this ITurnContext turnContext) =>
        turnContext.TurnState.Get<TurnInfo>() ?? throw new InvalidOperationException("TurnInfo is set by the bot at the start of each turn.");
}
