using HelpBot.AgentDesk.Cases;
using HelpBot.Dialogs.Engine;

namespace HelpBot.Dialogs.Problems;

/// <summary>
/// Self-check answers customers give unprompted ("网络没问题", "I already switched to 4G", "已经是最新版").
/// Recognition vocabulary, not wording shown to customers. Problems are matched before "fine", so "网络不好" is a problem.
/// </summary>
public static class SelfCheckPhrases
{
    private static readonly (string Check, string Result, string[] Phrases)[] Table =
    [
        (CheckNames.Network, CheckResults.Problem, ["网络不好", "网不好", "没网", "信号差", "信号不好", "网络很差", "no signal", "bad signal", "network is bad", "internet is down", "no internet"]),
        (CheckNames.Network, CheckResults.Ok, ["网络没问题", "网络正常", "网没问题", "换了4g", "切了4g", "切换了4g", "切到4g", "换了网络", "其他app都正常", "别的app都能用", "network is fine", "internet is fine", "wifi is fine", "switched to 4g", "switched to mobile data", "other apps work"]),
        (CheckNames.AppVersion, CheckResults.Ok, ["最新版", "已经更新", "更新过了", "latest version", "already updated", "up to date"]),
        (CheckNames.AppRestart, CheckResults.Ok, ["重启过", "重新打开过", "重开了", "重启了", "restarted", "reopened", "closed and reopened"]),
        (CheckNames.PaymentMethod, CheckResults.Ok, ["已经绑定", "绑定了", "开通了在线支付", "card is linked", "payment method is linked"]),
    ];

    /// <summary>The result the text gives for <paramref name="check"/>, or null when it says nothing about it.</summary>
    public static string? AnsweredIn(string? text, string check)
    {
        var normalized = TextInput.Normalize(text).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (normalized.Length == 0)
        {
            return null;
        }

        foreach (var (name, result, phrases) in Table)
        {
            if (name == check && phrases.Any(p => normalized.Contains(p.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal)))
            {
                return result;
            }
        }

        return null;
    }
}
