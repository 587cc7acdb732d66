using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HelpBot.Dialogs.Localization;
using HelpBot.Dialogs.Resources;
using HelpBot.Soak;
using HelpBot.Testing.Redis;

// Soak: mixed conversations against the Release bot on Redis for a while, with redis-server restarted and the platform
// failing (503) for a minute in the middle. Reports lost turns, errors after recovery and memory growth; exit code 0
// only when no turn was lost and nothing failed after recovery.
var options = SoakOptions.Parse(args);
var clock = Stopwatch.StartNew();
void Say(string text) => Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] {text}");

string[][] scripts =
[
    ["查订单", "2611240000000001", "取消"],
    ["check my order", "2611240000000006", "cancel"],
    ["我的订单卡住了", "2611240000000002", "取消"],
    ["支付问题", "2611240000000003", "否", "取消"],
    ["APP 打不开", "是", "取消"],
    ["查订单", "2611240000000008", "1234"],
    ["help", "thanks"],
    ["where is my rider", "2611240000000006", "start over"],
];

var apologies = new[] { nameof(Strings.Error_Apology), nameof(Strings.Platform_Unavailable), nameof(Strings.AppDown_StatusUnknown) }
    .SelectMany(key => new[] { BotLanguage.ChineseCulture, BotLanguage.EnglishCulture }.Select(c => BotText.Get(c, key)))
    .ToArray();

await using var redis = new RedisServerFixture();
await redis.InitializeAsync();
Say($"redis-server on {redis.ConnectionString}");
await using var bot = await BotProcess.StartAsync(options.BotDll, redis.ConnectionString, CancellationToken.None);
Say($"bot pid {bot.Id} on {bot.Address}, sandbox on {bot.SandboxAddress}, log {bot.LogPath}");

using var http = new HttpClient { BaseAddress = bot.Address, Timeout = TimeSpan.FromSeconds(30) };
using var admin = new HttpClient { BaseAddress = bot.SandboxAddress, Timeout = TimeSpan.FromSeconds(10) };

var records = new ConcurrentQueue<TurnRecord>();
using var stop = new CancellationTokenSource(options.Duration);
var soakStart = clock.Elapsed;
TimeSpan Now() => clock.Elapsed - soakStart;

// Timeline: redis restart at 25 %, platform outage from 35 % for --outage; "recovered" 30 s after both are over (the
// circuit breaker may stay open for its break duration, 15 s by default).
var redisRestartAt = options.Duration * 0.25;
var outageStart = options.Duration * 0.35;
var outageEnd = outageStart + options.Outage;
var recoveredAt = outageEnd + TimeSpan.FromSeconds(30);

var workers = Enumerable.Range(0, options.Conversations).Select(worker => Task.Run(async () =>
{
    var random = new Random(options.Seed + worker);
    var round = 0;
    while (!stop.IsCancellationRequested)
    {
        var script = scripts[random.Next(scripts.Length)];
        var conversation = $"soak-{worker}-{round++}";
        foreach (var text in script)
        {
            if (stop.IsCancellationRequested)
            {
                break;
            }

            records.Enqueue(await SendAsync(conversation, text));
            try
            {
                await Task.Delay(random.Next(300, 1200), stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
})).ToArray();

await Task.Delay(TimeSpan.FromSeconds(Math.Min(10, options.Duration.TotalSeconds / 10)));
var rssStart = bot.RssMegabytes();
Say($"RSS after warm-up: {rssStart:F1} MB");

await WaitUntilAsync(redisRestartAt);
Say("stopping redis-server");
await redis.StopAsync();
await Task.Delay(TimeSpan.FromSeconds(5));
await redis.StartAsync();
Say("redis-server back (empty)");

await WaitUntilAsync(outageStart);
using (var fault = await admin.PostAsJsonAsync("/sandbox/faults", new { pathPrefix = "/api/", statusCode = 503 }))
{
    Say($"platform outage on: POST /sandbox/faults → {(int)fault.StatusCode}");
}

await WaitUntilAsync(outageEnd);
using (var cleared = await admin.DeleteAsync("/sandbox/faults"))
{
    Say($"platform outage off: DELETE /sandbox/faults → {(int)cleared.StatusCode}");
}

await Task.WhenAll(workers);
var rssEnd = bot.RssMegabytes();
var botAlive = !bot.HasExited;

var all = records.ToArray();
var lost = all.Where(r => r.Outcome == TurnOutcome.Lost).ToArray();
var afterRecovery = all.Where(r => r.At >= recoveredAt && r.Outcome != TurnOutcome.Answered).ToArray();
var apologiesTotal = all.Count(r => r.Outcome == TurnOutcome.Apology);
Console.WriteLine();
Console.WriteLine("Soak result");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  duration               {options.Duration} with {options.Conversations} concurrent conversations"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  turns                  {all.Length} ({all.Length / Math.Max(1, options.Duration.TotalSeconds):F1}/s)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  apologies              {apologiesTotal} (expected around the redis restart at {redisRestartAt:mm\\:ss} and the outage {outageStart:mm\\:ss}–{outageEnd:mm\\:ss})"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  lost turns             {lost.Length}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  errors after recovery  {afterRecovery.Length} (turns from {recoveredAt:mm\\:ss}: {all.Count(r => r.At >= recoveredAt)})"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  RSS                    {rssStart:F1} MB → {rssEnd:F1} MB ({rssEnd - rssStart:+0.0;-0.0} MB)"));
Console.WriteLine($"  bot process            {(botAlive ? "still running" : "EXITED")}");
foreach (var record in lost.Concat(afterRecovery).Take(10))
{
    Console.WriteLine($"    {record.At:mm\\:ss} {record.Outcome}: {record.Detail}");
}

return lost.Length == 0 && afterRecovery.Length == 0 && botAlive ? 0 : 1;

async Task<TurnRecord> SendAsync(string conversation, string text)
{
    var at = Now();
    var activity = new JsonObject
    {
        ["type"] = "message",
        ["text"] = text,
        ["from"] = new JsonObject { ["id"] = "demo-user" },
        ["recipient"] = new JsonObject { ["id"] = "bot" },
        ["conversation"] = new JsonObject { ["id"] = conversation },
        ["channelId"] = "webchat",
        ["serviceUrl"] = "http://127.0.0.1:1",
        ["deliveryMode"] = "expectReplies",
    };
    try
    {
        using var response = await http.PostAsJsonAsync("/api/messages", activity);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            return new TurnRecord(at, TurnOutcome.Lost, $"{conversation} \"{text}\": HTTP {(int)response.StatusCode} {body}");
        }

        var replies = (JsonNode.Parse(body)?["activities"]?.AsArray() ?? [])
            .Where(a => (string?)a?["type"] == "message")
            .Select(a => (string?)a?["text"] ?? string.Empty)
            .ToArray();
        if (replies.Length == 0)
        {
            return new TurnRecord(at, TurnOutcome.Lost, $"{conversation} \"{text}\": no reply");
        }

        return replies.Any(r => apologies.Any(a => r.Contains(a, StringComparison.Ordinal)))
            ? new TurnRecord(at, TurnOutcome.Apology, $"{conversation} \"{text}\": {replies[0]}")
            : new TurnRecord(at, TurnOutcome.Answered, string.Empty);
    }
    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
    {
        return new TurnRecord(at, TurnOutcome.Lost, $"{conversation} \"{text}\": {ex.GetType().Name} {ex.Message}");
    }
}

async Task WaitUntilAsync(TimeSpan at)
{
    var wait = at - Now();
    if (wait > TimeSpan.Zero)
    {
        await Task.Delay(wait);
    }
}
