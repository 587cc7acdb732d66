using HelpBot.Platform.Models;
using HelpBot.Platform.Sandbox.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HelpBot.Platform.Sandbox.Endpoints;

/// <summary>The accounts API (SMS verification codes) and the sandbox-only SMS outbox.</summary>
internal static class SandboxAccountEndpoints
{
    public static void MapAccountsApi(RouteGroupBuilder api, SandboxPlatformState state)
    {
        api.MapPost("/accounts/verification-codes", async (HttpRequest request) =>
        {
            var body = await SandboxRequestBody.ReadAsync<VerificationCodeRequest>(request);
            return Results.Json(state.Accounts.RequestCode(body), PlatformJson.Options, statusCode: StatusCodes.Status202Accepted);
        });

        api.MapPost("/accounts/verification-codes/{requestId}/verify", async (string requestId, HttpRequest request) =>
        {
            var body = await SandboxRequestBody.ReadAsync<VerifyCodeRequest>(request);
            return SandboxResults.Ok(state.Accounts.Verify(requestId, body));
        });
    }

    /// <summary><c>GET /sandbox/sms?phone=13800138000</c>: the texts "sent" to a phone (all texts without phone), oldest first.</summary>
    public static void MapSmsOutbox(RouteGroupBuilder admin, SandboxPlatformState state)
    {
        admin.MapGet("/sms", (HttpRequest request) =>
        {
            var phone = request.Query["phone"].ToString();
            if (phone.Length > 0 && !SandboxAccountVerification.IsMobileNumber(phone))
                throw SandboxRequestException.Invalid("phone must be an 11-digit mainland mobile number such as 13800138000.");
            return SandboxResults.Ok(state.Accounts.Outbox(phone.Length == 0 ? null : phone));
        });
    }
}
