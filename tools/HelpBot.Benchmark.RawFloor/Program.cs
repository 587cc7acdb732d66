using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using StackExchange.Redis;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var redisConnectionString = builder.Configuration.GetConnectionString("Redis")
    ?? throw new InvalidOperationException("ConnectionStrings:Redis is required.");
builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redisConnectionString));

var app = builder.Build();
var redis = app.Services.GetRequiredService<IConnectionMultiplexer>();
app.MapGet("/healthz", () => Results.Ok());
app.MapPost("/api/messages", async (HttpRequest request) =>
{
    JsonNode? activity;
    try
    {
        activity = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
    }
    catch (JsonException)
    {
        return Results.BadRequest(new { message = "The body is not JSON." });
    }

    var conversationId = activity?["conversation"]?["id"]?.GetValue<string>();
    if (string.IsNullOrEmpty(conversationId))
    {
        return Results.BadRequest(new { message = "conversation.id is required." });
    }

    // One read and one write of the conversation's state, like a bot's load and save.
    var db = redis.GetDatabase();
    var key = "floor:" + conversationId;
    var stored = await db.StringGetAsync(key);
    var turns = stored.TryParse(out long previous) ? previous + 1 : 1;
    await db.StringSetAsync(key, turns.ToString(CultureInfo.InvariantCulture), TimeSpan.FromHours(1));

    var text = activity?["text"]?.GetValue<string>() ?? string.Empty;
    var reply = new JsonObject
    {
        ["type"] = "message",
        ["text"] = "floor: " + text,
        ["conversation"] = new JsonObject { ["id"] = conversationId },
        ["replyToId"] = activity?["id"]?.GetValue<string>(),
    };
    return Results.Json(new JsonObject { ["activities"] = new JsonArray(reply) });
});
app.Run();
