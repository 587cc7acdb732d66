using Microsoft.Bot.Schema;

namespace HelpBot.Dialogs.Accounts;

/// <summary>
/// Who the customer is on the platform. Channels that vouch for the user (our Direct Line tokens, the app's chat window,
/// the emulator and tests) carry the platform user id in from.id. Others (Teams) do not: their users must link an
/// account first, and until then are treated as unknown, so every order needs the phone check.
/// </summary>
public sealed class CustomerIdentity
{
    private readonly HashSet<string> _trustedChannels;

    public CustomerIdentity(IEnumerable<string> trustedChannels)
    {
        _trustedChannels = new HashSet<string>(trustedChannels, StringComparer.OrdinalIgnoreCase);
    }

    public static IReadOnlyList<string> DefaultTrustedChannels { get; } = ["directline", "webchat", "emulator", "test"];

    /// <summary>Whether the channel vouches for its users (from.id is the platform user id); others need a link.</summary>
    public bool IsTrusted(string? channelId) => channelId is not null && _trustedChannels.Contains(channelId);

    /// <summary>The platform user id, or null when the channel does not vouch for the sender.</summary>
    public string? PlatformUserId(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var id = activity.From?.Id;
        return !string.IsNullOrWhiteSpace(id) && activity.ChannelId is { } channel && _trustedChannels.Contains(channel) ? id : null;
    }
}
