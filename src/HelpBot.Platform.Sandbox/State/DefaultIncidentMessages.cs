using HelpBot.Platform.Models;

namespace HelpBot.Platform.Sandbox.State;

/// <summary>Customer-facing incident messages the sandbox uses when the admin call gives none for a locale.</summary>
internal static class DefaultIncidentMessages
{
    public const string Chinese = "zh-CN";
    public const string English = "en-US";

    public static IReadOnlyDictionary<string, string> For(string component) => component switch
    {
        PlatformComponents.App => Messages(
            "外卖App目前部分功能异常，我们正在紧急修复，给您带来不便非常抱歉。",
            "Some app features are not working right now. We are fixing it urgently and apologise for the inconvenience."),
        PlatformComponents.Ordering => Messages(
            "当前下单服务异常，部分订单可能无法提交或状态更新延迟，我们正在紧急处理。",
            "Ordering is disrupted: some orders may fail to go through or show delayed status updates. We are working on it."),
        PlatformComponents.Payment => Messages(
            "当前支付服务异常，部分支付可能失败或状态更新延迟。如已扣款，款项不会丢失。",
            "Payments are disrupted: some payments may fail or show a delayed status. If you were charged, your money is safe."),
        PlatformComponents.Delivery => Messages(
            "当前配送调度异常，部分订单可能延迟送达，骑手位置可能更新不及时。",
            "Delivery dispatch is disrupted: some orders may arrive late and rider locations may update slowly."),
        _ => throw new ArgumentOutOfRangeException(nameof(component), component, "Unknown platform component."),
    };

    private static Dictionary<string, string> Messages(string chinese, string english) => new(StringComparer.Ordinal)
    {
        [Chinese] = chinese,
        [English] = english,
    };
}
