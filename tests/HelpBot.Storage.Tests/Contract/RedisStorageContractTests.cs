using HelpBot.Storage.Redis.Errors;
using HelpBot.Storage.Tests.Support;
using HelpBot.Testing.Redis;
using Microsoft.Bot.Builder;

namespace HelpBot.Storage.Tests.Contract;

public sealed class RedisStorageContractTests : StorageContractTests, IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private readonly RedisStorageFactory _factory;

    public RedisStorageContractTests(RedisServerFixture redis)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _factory = new RedisStorageFactory(redis.ConnectionString);
        Storage = _factory.Create();
    }

    protected override IStorage Storage { get; }

    protected override IEnumerable<string> AddedDictionaryEntries => ["eTag"];

    protected override void AssertConflict(Exception exception, string key)
    {
        var conflict = Assert.IsType<StorageETagConflictException>(exception);
        Assert.Equal(key, conflict.Key);
        Assert.Contains(key, conflict.Message, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}
