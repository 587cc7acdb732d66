using Microsoft.Bot.Builder;

namespace HelpBot.Storage.Redis;

/// <summary>
/// The <see cref="IStoreItem"/> types that <see cref="RedisStorage"/> writes with a short type name next to their JSON
/// and reads back as that type, straight from the text (as MemoryStorage hands back typed objects). Everything else
/// goes through a JObject, which costs a second pass over the JSON on every read and write. Only types registered here
/// are ever created from stored data; the name is an alias chosen by the application, never a .NET type name.
/// </summary>
public sealed class RedisItemTypes
{
    private readonly Dictionary<string, Type> _typesByAlias = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _aliasesByType = [];

    /// <summary>No typed items: every item is read as JSON (a JObject, or a type named by the serializer).</summary>
    public static RedisItemTypes None { get; } = new();

    /// <summary>Registers <typeparamref name="T"/> under <paramref name="alias"/> (short: it is stored with every item).</summary>
    public RedisItemTypes Add<T>(string alias)
        where T : class, IStoreItem
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        if (ReferenceEquals(this, None))
        {
            throw new InvalidOperationException("RedisItemTypes.None cannot be changed; create a new instance.");
        }

        if (_typesByAlias.ContainsKey(alias) || _aliasesByType.ContainsKey(typeof(T)))
        {
            throw new ArgumentException($"Alias \"{alias}\" or type {typeof(T).Name} is registered already.", nameof(alias));
        }

        _typesByAlias.Add(alias, typeof(T));
        _aliasesByType.Add(typeof(T), alias);
        return this;
    }

    internal string? AliasOf(Type type) => _aliasesByType.GetValueOrDefault(type);

    internal Type? TypeOf(string alias) => _typesByAlias.GetValueOrDefault(alias);
}
