using System.Net;
using HelpBot.Scale.Tests.Infrastructure;

namespace HelpBot.Scale.Tests;

/// <summary>Two HelpBot processes behind an imaginary load balancer, sharing one redis-server.</summary>
public sealed class MultiInstanceConversationTests : IClassFixture<TwoInstances>
{
    private readonly TwoInstances _cluster;

    public MultiInstanceConversationTests(TwoInstances cluster)
    {
        _cluster = cluster;
    }

    private BotProcess A => _cluster[0];

    private BotProcess B => _cluster[1];

    [Fact]
    public async Task A_conversation_started_on_one_instance_continues_on_the_other()
    {
        var conversation = NewConversationId();

        var orders = await A.SayAsync(conversation, "查订单");
        var status = await B.SayAsync(conversation, "2611240000000002");

        Assert.Contains("2611240000000007", orders, StringComparison.Ordinal);
        Assert.Contains("商家准备中", status, StringComparison.Ordinal);
        Assert.Contains("45 分钟", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phone_check_asked_on_one_instance_is_answered_on_the_other_in_english()
    {
        var conversation = NewConversationId();

        var ask = await B.SayAsync(conversation, "2611240000000002", "en-US", userId: "stranger");
        var status = await A.SayAsync(conversation, "8000", "en-US", userId: "stranger");

        Assert.DoesNotContain("2611240000000002", ask, StringComparison.Ordinal);
        Assert.Contains("The restaurant is preparing it", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_conversation_continues_after_its_instance_was_killed_and_restarted()
    {
        var conversation = NewConversationId();
        var orders = await A.SayAsync(conversation, "查订单");

        await _cluster.RestartAsync(0);
        var status = await A.SayAsync(conversation, "2611240000000002");

        Assert.Contains("2611240000000002", orders, StringComparison.Ordinal);
        Assert.Contains("商家准备中", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_messages_posted_at_once_to_two_instances_are_both_answered()
    {
        // Several conversations at once, so that turns of one conversation really overlap on the two instances.
        var conversations = Enumerable.Range(0, 6).Select(_ => NewConversationId()).ToArray();

        var pairs = await Task.WhenAll(conversations.Select(async conversation =>
        {
            var answers = await Task.WhenAll(
                A.SendAsync(conversation, "2611240000000002"),
                B.SendAsync(conversation, "2611240000000001"));
            return (conversation, first: answers[0], second: answers[1]);
        }));

        foreach (var (conversation, first, second) in pairs)
        {
            AssertAnswered(first, "商家准备中");
            AssertAnswered(second, "已送达");

            // Stored once per turn, with both turns' effect: the order the later turn was about is the current one.
            var stored = await _cluster.StoredConversationAsync(conversation);
            Assert.NotNull(stored);
            Assert.Matches("\"order\":\"261124000000000[12]\"", stored);
        }
    }

    [Fact]
    public async Task Two_messages_posted_at_once_to_two_instances_lose_no_update()
    {
        // The stranger proves access to order 2 with the phone digits on one instance while the same order number
        // arrives on the other. In either order the proof must stick: a lost update would forget it (or, with only
        // the ETag check, one message would get the apology instead of an answer).
        var conversations = Enumerable.Range(0, 6).Select(_ => NewConversationId()).ToArray();
        foreach (var conversation in conversations)
        {
            var ask = await A.SayAsync(conversation, "2611240000000002", userId: "stranger");
            Assert.DoesNotContain("商家准备中", ask, StringComparison.Ordinal);
        }

        var pairs = await Task.WhenAll(conversations.Select(async conversation =>
        {
            var answers = await Task.WhenAll(
                A.SendAsync(conversation, "8000", userId: "stranger"),
                B.SendAsync(conversation, "2611240000000002", userId: "stranger"));
            return (conversation, digits: answers[0], number: answers[1]);
        }));

        foreach (var (conversation, digits, number) in pairs)
        {
            AssertAnswered(digits, "商家准备中");
            AssertAnswered(number, expected: null);

            // Worded differently: the same text again within seconds of its answer is a double tap, answered once.
            var again = await B.SayAsync(conversation, "再查一下 2611240000000002", userId: "stranger");
            Assert.Contains("商家准备中", again, StringComparison.Ordinal);
            Assert.Contains("\"verified\":[\"2611240000000002\"]", await _cluster.StoredConversationAsync(conversation), StringComparison.Ordinal);
        }
    }

    private static void AssertAnswered(BotAnswer answer, string? expected)
    {
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.NotEmpty(answer.Texts);
        Assert.DoesNotContain(Apology.Chinese, answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Apology.English, answer.Text, StringComparison.Ordinal);
        if (expected is not null)
        {
            Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
        }
    }

    private static string NewConversationId() => "c" + Guid.NewGuid().ToString("N");
}
