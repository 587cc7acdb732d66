using System.Net.Http.Json;
using HelpBot.Platform.Errors;

namespace HelpBot.Platform.Tests.Infrastructure;

internal static class ErrorBody
{
    public static async Task<PlatformErrorBody> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<PlatformErrorBody>(PlatformJson.Options);
        Assert.NotNull(body);
        Assert.False(string.IsNullOrWhiteSpace(body.Message));
        return body;
    }
}
