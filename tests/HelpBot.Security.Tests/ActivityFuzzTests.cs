using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using HelpBot.Dialogs.Resources;

namespace HelpBot.Security.Tests;

/// <summary>
/// Thousands of mutated activities against a real host while a normal conversation runs alongside: no 5xx, every 4xx
/// says what is wrong in JSON, the process stays up, and the normal conversation's replies stay right.
/// </summary>
public sealed class ActivityFuzzTests
{
    private const int Seed = 20261125;
    private const int Requests = 3000;
    private const int Parallelism = 4;
    private const int NormalRounds = 5;

    [Fact]
    public async Task Mutated_activities_never_cause_server_errors_and_a_normal_conversation_is_unaffected()
    {
        await using var host = await BotHost.StartAsync();
        var mutator = new ActivityMutator(Seed);
        var bodies = Enumerable.Range(0, Requests).Select(mutator.Next).ToArray();
        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();

        // The normal customer runs a round at each fifth of the fuzz: 15 messages, within the default burst limits, so
        // the rate limiter (which the fuzz also exercises) decides nothing for it, however fast the machine is.
        var completed = 0;
        var normal = Task.Run(async () =>
        {
            var conversation = "normal-" + Guid.NewGuid().ToString("N");
            for (var round = 0; round < NormalRounds; round++)
            {
                while (Volatile.Read(ref completed) < round * Requests / NormalRounds)
                {
                    await Task.Delay(20);
                }

                await host.SayAsync(conversation, "start over", userId: "demo-user");
                var pick = await host.SayAsync(conversation, "check my order", userId: "demo-user");
                Assert.Contains(pick, r => r.Contains(BotHost.Fragment(nameof(Strings.Order_PickRecent)), StringComparison.Ordinal));
                var status = await host.SayAsync(conversation, "2611240000000001", userId: "demo-user");
                Assert.Contains(status, r => r.Contains("2611240000000001", StringComparison.Ordinal));
            }

            return NormalRounds;
        });

        await Parallel.ForEachAsync(Enumerable.Range(0, Requests), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, _) =>
        {
            var (status, body) = await host.PostAsync(bodies[i]);
            statuses.AddOrUpdate((int)status, 1, (_, n) => n + 1);
            Interlocked.Increment(ref completed);
            if ((int)status >= 500)
            {
                failures.Enqueue($"#{i} answered {(int)status}: {Shorten(bodies[i])}");
            }
            else if ((int)status >= 400 && !HasJsonError(body))
            {
                failures.Enqueue($"#{i} answered {(int)status} without a JSON error: {Shorten(body)} for {Shorten(bodies[i])}");
            }
        });
        var normalRounds = await normal;

        Assert.True(failures.IsEmpty, $"{failures.Count} bad answers, e.g.:\n" + string.Join("\n", failures.Take(10)));
        Assert.Equal(NormalRounds, normalRounds);

        // The mutations must mostly stay close enough to valid that the bot itself runs, not only the validator.
        var accepted = statuses.GetValueOrDefault(200);
        Assert.True(accepted >= Requests / 5, "Too few activities reached the bot: " + string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}")));
        using var health = await host.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Text.Contains("An unhandled exception", StringComparison.Ordinal));
    }

    [Fact]
    public void The_generator_is_deterministic()
    {
        var first = new ActivityMutator(Seed);
        var second = new ActivityMutator(Seed);
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(first.Next(i), second.Next(i));
        }
    }

    private static bool HasJsonError(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["error"]?["message"] is not null;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + $"… ({text.Length} chars)";
}
