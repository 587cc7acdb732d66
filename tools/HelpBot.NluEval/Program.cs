using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using HelpBot.Language;
using HelpBot.Language.Evaluation;
using HelpBot.Language.Intents;
using HelpBot.Language.Text;

// Held-out evaluation of HelpBot.Language; see docs/nlu.md.
var inv = CultureInfo.InvariantCulture;
var dataDir = Path.Combine(AppContext.BaseDirectory, "Data");
IReadOnlyList<LabeledUtterance> testSet;
using (var reader = File.OpenText(Path.Combine(dataDir, "test.tsv")))
{
    testSet = IntentDataset.Read(reader);
}

IReadOnlyList<EntityTestCase> entityCases;
using (var reader = File.OpenText(Path.Combine(dataDir, "entities.tsv")))
{
    entityCases = EntityTestCase.Read(reader);
}

Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
Console.WriteLine($"Date: {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", inv)} UTC");

// Start-up: the shipped model (what the bot does) and, for comparison, training from the embedded data (what it did).
var sinceProcessStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var startup = Stopwatch.StartNew();
var recognizer = new HelpBotRecognizer();
var ready = startup.Elapsed;
var readyCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
recognizer.Recognize("外卖咋还没到 2611 2400 0000 0002 晚上7点半", null); // first call loads the recognizer models
var firstCall = startup.Elapsed;
Console.WriteLine($"Start-up: recognizer ready in {ready.TotalMilliseconds:F0} ms wall ({readyCpu.TotalMilliseconds:F0} ms CPU, all threads) " +
    $"from {(recognizer.UsesShippedIntentModel ? "the shipped intent model" : "TRAINING (the shipped model is missing or stale)")}; " +
    $"with first parse (entity models) {firstCall.TotalMilliseconds:F0} ms; process start to first answer {(sinceProcessStart + firstCall).TotalMilliseconds:F0} ms");
cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var training = Stopwatch.StartNew();
_ = new HelpBotRecognizer(IntentDataset.LoadEmbeddedTraining(), TimeProvider.System);
Console.WriteLine($"For comparison, training at start-up (before the shipped model): {training.Elapsed.TotalMilliseconds:F0} ms wall " +
    $"({(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds:F0} ms CPU)");
Console.WriteLine($"Load average while measuring: {LoadAverage()}");
Console.WriteLine($"Training utterances: {IntentDataset.LoadEmbeddedTraining().Count}; held-out: {testSet.Count}; entity cases: {entityCases.Count}");

var intents = NluEvaluator.EvaluateIntents(recognizer, testSet);
Console.WriteLine();
Console.WriteLine($"Intent accuracy: all {intents.Accuracy:P1} ({intents.Outcomes.Count(o => o.Correct)}/{intents.Outcomes.Count})");
foreach (var locale in new[] { SupportedLocales.Chinese, SupportedLocales.English })
{
    var n = intents.Outcomes.Count(o => o.Utterance.Locale == locale);
    Console.WriteLine($"  {locale}: {intents.AccuracyFor(locale):P1} of {n}");
}

Console.WriteLine("Per intent:");
foreach (var (intent, (correct, total)) in intents.PerIntent)
{
    Console.WriteLine($"  {intent,-17} {correct,3}/{total,-3} {(double)correct / total:P0}");
}

Console.WriteLine("Confusions (expected -> got: text):");
foreach (var e in intents.Errors)
{
    Console.WriteLine($"  {e.Utterance.Intent} -> {e.Predicted}: {e.Utterance.Text}");
}

var entities = NluEvaluator.EvaluateEntities(recognizer, entityCases);
Console.WriteLine();
Console.WriteLine($"Entity exact match: {entities.ExactMatchRate:P1} ({entities.Outcomes.Count(o => o.ExactMatch)}/{entities.Outcomes.Count})");
foreach (var miss in entities.Misses)
{
    Console.WriteLine($"  {miss.Case.Text}\n    expected: {Show(miss.Case.Expected)}\n    got:      {Show(miss.Got)}");
}

// Latency: every held-out and entity text, several rounds, after warm-up.
var texts = testSet.Select(u => u.Text).Concat(entityCases.Select(c => c.Text)).ToList();
foreach (var t in texts)
{
    recognizer.Recognize(t, null);
}

var samples = new List<double>();
for (var round = 0; round < 5; round++)
{
    foreach (var t in texts)
    {
        var sw = Stopwatch.StartNew();
        recognizer.Recognize(t, null);
        samples.Add(sw.Elapsed.TotalMilliseconds);
    }
}

samples.Sort();
Console.WriteLine();
Console.WriteLine($"Parse latency over {samples.Count} calls: p50 {Percentile(0.50):F2} ms, p99 {Percentile(0.99):F2} ms, max {samples[^1]:F2} ms");

double Percentile(double p) => samples[(int)Math.Min(samples.Count - 1, Math.Ceiling(p * samples.Count) - 1)];

// Other people build on this machine; the load average says how far the timings are from a quiet machine.
static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static string Show(IEnumerable<(string Type, string Value)> entities) =>
    string.Join("; ", entities.Select(e => $"{e.Type}={e.Value}"));
