using HelpBot.Storage.Redis.Errors;
using HelpBot.Storage.Tests.Support;
using HelpBot.Testing.Redis;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace HelpBot.Storage.Tests.Redis;

/// <summary>
/// Two bot instances may run turns of the same conversation at once (a double-sent message behind a load balancer):
/// the second to save must not silently overwrite the first.
/// </summary>
public sealed class BotStateConcurrencyTests : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private readonly RedisStorageFactory _factory;

    public BotStateConcurrencyTests(RedisServerFixture redis)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _factory = new RedisStorageFactory(redis.ConnectionString);
    }

    [Fact]
    public async Task Second_of_two_concurrent_turns_gets_the_conflict_on_save()
    {
        var adapter = NewAdapter();
        // Two bot instances: each its own connection, the same Redis and key prefix.
        var options = RedisStorageFactory.NewOptions();
        var (state, step) = NewConversationState(_factory.Create(options));
        var (otherInstanceState, otherInstanceStep) = NewConversationState(_factory.Create(options));
        var seed = NewTurn(adapter);
        await step.SetAsync(seed, "ask-order-number");
        await state.SaveChangesAsync(seed);

        var first = NewTurn(adapter);
        var second = NewTurn(adapter);
        await state.LoadAsync(first);
        await otherInstanceState.LoadAsync(second);
        await step.SetAsync(first, "confirm-refund");
        await otherInstanceStep.SetAsync(second, "ask-photo");

        await state.SaveChangesAsync(first);
        var conflict = await Assert.ThrowsAsync<StorageETagConflictException>(() => otherInstanceState.SaveChangesAsync(second));

        Assert.Contains("/conversations/", conflict.Key, StringComparison.Ordinal);
        var next = NewTurn(adapter);
        Assert.Equal("confirm-refund", await step.GetAsync(next, () => "none"));
    }

    [Fact]
    public async Task Consecutive_turns_and_repeated_saves_within_a_turn_do_not_conflict()
    {
        var adapter = NewAdapter();
        var (state, step) = NewConversationState(_factory.Create());

        for (var turnNumber = 1; turnNumber <= 3; turnNumber++)
        {
            var turn = NewTurn(adapter);
            await step.SetAsync(turn, $"turn-{turnNumber}-a");
            await state.SaveChangesAsync(turn);
            await step.SetAsync(turn, $"turn-{turnNumber}-b");
            await state.SaveChangesAsync(turn);
        }

        Assert.Equal("turn-3-b", await step.GetAsync(NewTurn(adapter), () => "none"));
    }

    private static (ConversationState State, IStatePropertyAccessor<string> Step) NewConversationState(IStorage storage)
    {
        var state = new ConversationState(storage);
        return (state, state.CreateProperty<string>("step"));
    }

    private static TestAdapter NewAdapter() =>
        new(TestAdapter.CreateConversation($"conversation-{Guid.NewGuid():N}"));

    // A message of the adapter's one conversation, as a second channel delivery of that conversation would look.
    private static TurnContext NewTurn(TestAdapter adapter)
    {
        var activity = adapter.Conversation.GetContinuationActivity();
        activity.Type = ActivityTypes.Message;
        activity.Text = "hi";
        return new TurnContext(adapter, activity);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}
