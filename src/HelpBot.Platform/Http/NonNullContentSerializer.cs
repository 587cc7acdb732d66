using System.Reflection;
using System.Text.Json;
using Refit;

namespace HelpBot.Platform.Http;

/// <summary>
/// The platform's JSON serializer, except that a success body of <c>null</c> is an unreadable answer rather than a
/// null result: every platform API returns an object, and a null one would only fail later as a NullReferenceException
/// deep in a dialog. (Missing or null fields inside the object are refused by <see cref="PlatformJson.Options"/>.)
/// </summary>
internal sealed class NonNullContentSerializer(IHttpContentSerializer inner) : IHttpContentSerializer
{
    public HttpContent ToHttpContent<T>(T item) => inner.ToHttpContent(item);

    public async Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default)
    {
        var value = await inner.FromHttpContentAsync<T>(content, cancellationToken).ConfigureAwait(false);
        return value ?? throw new JsonException($"The platform answered null where a {typeof(T).Name} was expected.");
    }

    public string? GetFieldNameForProperty(PropertyInfo propertyInfo) => inner.GetFieldNameForProperty(propertyInfo);
}
