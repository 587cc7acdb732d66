using BenchmarkDotNet.Attributes;
using HelpBot.Language;

namespace HelpBot.Benchmark.Micro;

/// <summary>IHelpBotRecognizer.Recognize on the kinds of text the conversation sends (short, free text, an order number).</summary>
public class RecognizerBenchmarks
{
    private IHelpBotRecognizer _recognizer = null!;

    [Params("你好", "配送太慢了，骑手还没到", "2611240000000006", "hi", "my delivery is very late, where is the rider?")]
    public string Text { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup() => _recognizer = new HelpBotRecognizer();

    [Benchmark]
    public object Recognize() => _recognizer.Recognize(Text, Text.Any(c => c > 0x2E80) ? "zh-CN" : "en-US");
}
