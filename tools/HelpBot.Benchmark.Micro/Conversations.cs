namespace HelpBot.Benchmark.Micro;

/// <summary>The end-to-end benchmark's conversation (see tools/HelpBot.Benchmark/ConversationScript.cs), Chinese.</summary>
internal static class Conversations
{
    public const string DelayedOrder = "2611240000000006";

    /// <summary>Greeting, order status, delivery is late, contact the rider, solved, thanks.</summary>
    public static readonly string[] DelayFlow = ["你好", "查订单", DelayedOrder, "配送太慢", "联系骑手", "解决了", "谢谢"];

    /// <summary>The first four turns: the stack is deepest here (delay dialog waiting on its action prompt).</summary>
    public static readonly string[] DelayFlowMidway = DelayFlow[..4];
}
