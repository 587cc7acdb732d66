using Microsoft.AspNetCore.Http;

namespace HelpBot.AgentDesk.Api;

/// <summary>The desk's static files, embedded in this assembly, served with a strict content security policy.</summary>
internal static class DeskPage
{
    private static readonly Dictionary<string, byte[]> Files = new(StringComparer.Ordinal);

    public static IResult Serve(string name, string contentType)
    {
        byte[] content;
        lock (Files)
        {
            if (!Files.TryGetValue(name, out content!))
            {
                using var stream = typeof(DeskPage).Assembly.GetManifestResourceStream("HelpBot.AgentDesk.Desk." + name)
                    ?? throw new InvalidOperationException($"The desk file {name} is not embedded.");
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                content = copy.ToArray();
                Files[name] = content;
            }
        }

        return new DeskFileResult(content, contentType);
    }

    private sealed class DeskFileResult(byte[] content, string contentType) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var headers = httpContext.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.CacheControl = "no-cache";
            httpContext.Response.ContentType = contentType;
            return httpContext.Response.Body.WriteAsync(content).AsTask();
        }
    }
}
