using ITranscriptStore = HelpBot.AgentDesk.Transcripts.ITranscriptStore;
using RedisTranscriptStore = HelpBot.AgentDesk.Transcripts.Redis.RedisTranscriptStore;
using StorageTranscriptStore = HelpBot.AgentDesk.Transcripts.StorageTranscriptStore;
using HelpBot.Dialogs.Turns;
using HelpBot.Storage.Redis;
using HelpBot.Storage.Redis.DependencyInjection;
using HelpBot.Storage.Redis.Options;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;

namespace HelpBot.Hosting;

/// <summary>
/// Where conversations live: memory (one instance; lost on restart; idle items expire and the total is bounded) or Redis when ConnectionStrings:Redis is set
/// (shared by every instance, survives restarts). Each engine registers its whole set here: storage, the conversation
/// turn lock and the transcript store.
/// </summary>
public static class StateStorageExtensions
{
    public static IServiceCollection AddStateStorage(this IServiceCollection services, IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration.GetConnectionString(RedisStorageOptions.ConnectionStringName))
            ? services.AddMemoryState(configuration)
            : services.AddRedisState(configuration);

    private static IServiceCollection AddMemoryState(this IServiceCollection services, IConfiguration configuration)
    {
        // Bounded and expiring, so a long run stays flat (see ExpiringMemoryStorage).
        services.AddOptions<MemoryStateOptions>()
            .Bind(configuration.GetSection(MemoryStateOptions.SectionName))
            .Validate(o => o.MaxItems > 0 && o.IdleTimeout > TimeSpan.Zero, "MemoryState:MaxItems and MemoryState:IdleTimeout must be positive.")
            .ValidateOnStart();
        services.AddSingleton<IStorage, ExpiringMemoryStorage>();
        services.AddSingleton<IConversationTurnLock, KeyedAsyncLock>();
        services.AddSingleton<ITranscriptStore, StorageTranscriptStore>();
        return services;
    }

    // HelpBot's state is plain JSON, so storage is told to write no .NET type names and therefore never decides which
    // type is created when reading.
    private static IServiceCollection AddRedisState(this IServiceCollection services, IConfiguration configuration)
    {
        var serializer = JsonSerializer.Create(new JsonSerializerSettings
        {
            TypeNameHandling = TypeNameHandling.None,
            NullValueHandling = NullValueHandling.Ignore,
            MaxDepth = 64,
        });
        // Read and written as their own types, without a JObject in between (see RedisItemTypes): the conversation's
        // data is read and written on every turn.
        var itemTypes = new RedisItemTypes()
            .Add<ConversationData>("conversation");
        services.AddRedisStorage(configuration, serializer, itemTypes);
        // Turns of one conversation run one at a time across all instances.
        services.AddSingleton<IConversationTurnLock, RedisConversationTurnLock>();
        // One compact Redis list per conversation, appended without a read.
        services.AddSingleton<ITranscriptStore, RedisTranscriptStore>();
        return services;
    }
}
