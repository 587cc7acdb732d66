using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace HelpBot.Dialogs.Problems;

/// <summary>
/// What the customer's app says about itself in <c>channelData.clientInfo</c> (the app's chat window sends it):
/// app version, platform ("ios", "android") and network type ("wifi", "4g", …).
/// </summary>
public sealed record ClientInfo(string? AppVersion, string? Platform, string? NetworkType)
{
    public static ClientInfo From(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ChannelData is not JObject data || data["clientInfo"] is not JObject info)
        {
            return new ClientInfo(null, null, null);
        }

        return new ClientInfo(Text(info, "appVersion"), Text(info, "platform"), Text(info, "networkType"));
    }

    private static string? Text(JObject info, string name) =>
        info[name] is JValue { Type: JTokenType.String } value && ((string?)value)?.Trim() is { Length: > 0 and <= 32 } text ? text : null;
}
