using System.Text.Encodings.Web;
using System.Text.Json;
using HelpBot.Channels.DirectLine.Conversations;
using HelpBot.Channels.DirectLine.Security;
using HelpBot.Channels.DirectLine.Serialization;
using Microsoft.Extensions.FileProviders;

namespace HelpBot.Endpoints;

/// <summary>
/// The demo web chat page of the embedded run: GET / (wwwroot/index.html, with botframework-webchat copied from npm
/// into the output's wwwroot/lib at build time) and POST /api/webchat/token, which hands the page a Direct Line token
/// generated server-side with the channel's secret. Mapped only in development mode, next to the embedded channel;
/// in production the site's or the app's backend asks Azure's Direct Line for the token (docs/channels.md).
/// </summary>
public static class WebChatEndpoints
{
    public const string TokenPath = "/api/webchat/token";

    /// <summary>Locales the page offers; the bot answers in either.</summary>
    public static readonly IReadOnlyList<string> Locales = ["zh-CN", "en-US"];

    /// <summary>The sandbox platform's demo customers the page lets a developer act as; no id means a new anonymous user.</summary>
    public static readonly IReadOnlyList<string> DemoUsers = ["demo-user", "other-user"];

    private const int MaxBodyBytes = 4 * 1024;
    // Relaxed escaping keeps the quotes in error messages readable; the answers are JSON, never HTML.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Folder the page is served from: the build output's wwwroot (page files and the Web Chat bundle are copied
    /// there by HelpBot.csproj), so `dotnet run`, tests and published apps all serve the same files.
    /// </summary>
    public static string WebRoot => Path.Combine(AppContext.BaseDirectory, "wwwroot");

    private static bool PageExists => File.Exists(Path.Combine(WebRoot, "index.html"));

    /// <summary>The page's files (scripts, styles) from <see cref="WebRoot"/>: the host's request pipeline.</summary>
    public static WebApplication UseWebChatFiles(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!PageExists)
        {
            app.Logger.LogWarning("The web chat page is missing from {WebRoot}; build src/HelpBot to copy it there.", WebRoot);
            return app;
        }

        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(WebRoot),
            OnPrepareResponse = context => context.Context.Response.Headers.XContentTypeOptions = "nosniff",
        });
        return app;
    }

    public static WebApplication MapWebChat(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!PageExists)
        {
            return app;
        }

        var files = new PhysicalFileProvider(WebRoot);
        app.MapGet("/", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-cache";
            return Results.File(files.GetFileInfo("index.html").PhysicalPath!, "text/html; charset=utf-8");
        });
        app.MapPost(TokenPath, (Delegate)IssueTokenAsync);
        return app;
    }

    /// <summary>
    /// POST /api/webchat/token {"userId": "demo-user" | "other-user" | null, "locale": "zh-CN" | "en-US"} →
    /// {"token", "conversationId", "expires_in", "userId", "locale"}: exactly what tokens/generate answers the
    /// secret holder, bound to a new conversation and to that user (or a new anonymous "dl_" user).
    /// </summary>
    private static async Task<IResult> IssueTokenAsync(HttpContext context, DirectLineTokenService tokens)
    {
        var request = context.Request;
        if (request.ContentLength > MaxBodyBytes)
        {
            return Error($"Request body is larger than {MaxBodyBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        WebChatTokenRequest? body;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            if (buffer.Length > MaxBodyBytes)
            {
                return Error($"Request body is larger than {MaxBodyBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
            }

            body = buffer.Length == 0 ? new WebChatTokenRequest(null, null) : JsonSerializer.Deserialize<WebChatTokenRequest>(buffer.ToArray(), Json);
        }
        catch (JsonException)
        {
            return Error("Body must be a JSON object: {\"userId\": \"demo-user\" | \"other-user\" | null, \"locale\": \"zh-CN\" | \"en-US\"}.");
        }

        if (body is null)
        {
            return Error("Body must be a JSON object, not null.");
        }

        if (body.UserId is not null && !DemoUsers.Contains(body.UserId, StringComparer.Ordinal))
        {
            return Error($"\"userId\" must be one of {string.Join(", ", DemoUsers)}, or null for a new anonymous user.");
        }

        var locale = body.Locale ?? Locales[0];
        if (!Locales.Contains(locale, StringComparer.OrdinalIgnoreCase))
        {
            return Error($"\"locale\" must be one of {string.Join(", ", Locales)}.");
        }

        string userId;
        try
        {
            userId = DirectLineConversations.ValidateUserId(body.UserId);
        }
        catch (DirectLineException ex)
        {
            return Error(ex.Message);
        }

        var issued = tokens.Issue(DirectLineConversations.NewConversationId(), userId);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(
            new WebChatTokenResponse(issued.Token, issued.Claims.ConversationId, issued.ExpiresInSeconds, userId, Locales.First(l => l.Equals(locale, StringComparison.OrdinalIgnoreCase))),
            Json);
    }

    private static IResult Error(string message, int status = StatusCodes.Status400BadRequest) =>
        Results.Json(new { error = message }, Json, statusCode: status);
}
