using System.Text.Json;
using HelpBot.Platform.Sandbox.State;
using Microsoft.AspNetCore.Http;

namespace HelpBot.Platform.Sandbox.Endpoints;

/// <summary>
/// Reads request bodies and headers strictly, so malformed or incomplete input becomes a 400 that names the problem
/// (minimal APIs' own binding would answer with an empty 400 or a ProblemDetails body instead of the platform's).
/// </summary>
internal static class SandboxRequestBody
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    // An explicit null where the contract has none is an error. Missing properties are left null (optional ones may be
    // omitted) and the required ones are then reported by name by the state's validation.
    private static readonly JsonSerializerOptions StrictOptions = new(PlatformJson.Options)
    {
        RespectNullableAnnotations = true,
    };

    public static async Task<T> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        if (request.ContentLength == 0)
            throw SandboxRequestException.Invalid("A JSON request body is required.");

        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, StrictOptions, request.HttpContext.RequestAborted);
            return body ?? throw SandboxRequestException.Invalid("The request body must be a JSON object, not null.");
        }
        catch (JsonException ex)
        {
            throw SandboxRequestException.Invalid($"The request body is not valid JSON for this request: {ex.Message}");
        }
    }

    public static string IdempotencyKey(HttpRequest request) => request.Headers[IdempotencyKeyHeader].ToString();

    /// <summary>The <c>limit</c> query parameter: 10 when absent, otherwise an integer the state checks the range of.</summary>
    public static int Limit(HttpRequest request)
    {
        var raw = request.Query["limit"].ToString();
        if (raw.Length == 0)
            return 10;
        return int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var limit)
            ? limit
            : throw SandboxRequestException.Invalid($"limit must be an integer between 1 and {SandboxPlatformState.MaxRecentOrders}.");
    }
}
