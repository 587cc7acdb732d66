using System.Text.RegularExpressions;

namespace HelpBot.AgentDesk.Tests.Infrastructure;

/// <summary>The customer's way to a case: a charged-but-unpaid order handed to support, optionally with screenshots.</summary>
public static partial class Escalations
{
    public const string ChargedButUnpaidOrder = "2611240000000004";

    public static async Task<string> ChargedButUnpaidAsync(DeskServer server, string conversationId, params (string ContentType, string Url)[] screenshots)
    {
        await server.SayAsync(conversationId, "支付问题");
        var diagnosis = await server.SayAsync(conversationId, ChargedButUnpaidOrder);
        Assert.Contains("不要重复付款", DeskServer.TextOf(diagnosis), StringComparison.Ordinal);
        Assert.Contains(diagnosis[^1]["suggestedActions"]!["actions"]!.AsArray(), a => (string?)a!["title"] == "转给客服处理");
        var ask = DeskServer.TextOf(await server.SayAsync(conversationId, "转给客服处理"));
        Assert.Contains("截图", ask, StringComparison.Ordinal);
        if (screenshots.Length > 0)
        {
            var received = DeskServer.TextOf(await server.SayAsync(conversationId, null, attachments: screenshots));
            Assert.Contains($"{screenshots.Length}/5", received, StringComparison.Ordinal);
        }

        var queued = DeskServer.TextOf(await server.SayAsync(conversationId, screenshots.Length > 0 ? "发完了" : "没有截图"));
        Assert.Contains("平台客服", queued, StringComparison.Ordinal);
        Assert.Contains("排在第", queued, StringComparison.Ordinal);
        return CaseNumber().Match(queued).Value;
    }

    [GeneratedRegex(@"HB\d{12}")]
    public static partial Regex CaseNumber();
}
