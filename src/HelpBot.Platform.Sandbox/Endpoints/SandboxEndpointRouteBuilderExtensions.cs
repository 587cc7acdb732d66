using HelpBot.Platform.Models;
using HelpBot.Platform.Sandbox.Admin;
using HelpBot.Platform.Sandbox.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HelpBot.Platform.Sandbox.Endpoints;

public static class SandboxEndpointRouteBuilderExtensions
{
    public const string AdminPrefix = "/sandbox";

    /// <summary>
    /// Maps the platform API (<c>/api/v1/...</c>, the routes of the Refit interfaces) and the sandbox-only admin API
    /// (<c>/sandbox/...</c>) over <paramref name="state"/>. With <paramref name="apiKey"/>, platform routes require it
    /// as a bearer token; admin routes never do.
    /// </summary>
    public static IEndpointRouteBuilder MapSandboxPlatform(this IEndpointRouteBuilder endpoints, SandboxPlatformState state, string? apiKey = null)
    {
        ArgumentNullException.ThrowIfNull(state);

        var api = endpoints.MapGroup("/api/v1")
            .AddEndpointFilter(new SandboxErrorFilter())
            .AddEndpointFilter(new SandboxFaultFilter(state));
        if (!string.IsNullOrEmpty(apiKey))
            api.AddEndpointFilter(new SandboxApiKeyFilter(apiKey));
        MapPlatformApi(api, state);
        SandboxAccountEndpoints.MapAccountsApi(api, state);

        var admin = endpoints.MapGroup(AdminPrefix).AddEndpointFilter(new SandboxErrorFilter());
        MapAdminApi(admin, state);
        SandboxAccountEndpoints.MapSmsOutbox(admin, state);
        return endpoints;
    }

    private static void MapPlatformApi(RouteGroupBuilder api, SandboxPlatformState state)
    {
        api.MapGet("/users/{userId}/orders", (string userId, HttpRequest request) =>
            SandboxResults.Ok(state.GetRecentOrders(userId, SandboxRequestBody.Limit(request))));

        api.MapGet("/orders/{orderNumber}", (string orderNumber) => SandboxResults.Ok(state.GetOrder(orderNumber)));

        api.MapPost("/orders/{orderNumber}/cancel", async (string orderNumber, HttpRequest request) =>
        {
            var body = await SandboxRequestBody.ReadAsync<CancelOrderRequest>(request);
            return SandboxResults.Ok(state.CancelOrder(orderNumber, body, SandboxRequestBody.IdempotencyKey(request)));
        });

        api.MapPost("/orders/{orderNumber}/delivery-changes", async (string orderNumber, HttpRequest request) =>
        {
            var body = await SandboxRequestBody.ReadAsync<DeliveryChangeRequest>(request);
            return SandboxResults.Ok(state.ChangeDelivery(orderNumber, body, SandboxRequestBody.IdempotencyKey(request)));
        });

        api.MapGet("/merchant-backend/orders/{orderNumber}", (string orderNumber) =>
            SandboxResults.Ok(state.GetMerchantOrder(orderNumber)));

        api.MapPost("/merchant-backend/orders/{orderNumber}/messages", async (string orderNumber, HttpRequest request) =>
        {
            var body = await SandboxRequestBody.ReadAsync<MerchantMessageRequest>(request);
            return SandboxResults.Created(state.SendMerchantMessage(orderNumber, body, SandboxRequestBody.IdempotencyKey(request)));
        });

        api.MapPost("/support/tickets", async (HttpRequest request) =>
        {
            var body = await SandboxRequestBody.ReadAsync<CreateTicketRequest>(request);
            return SandboxResults.Created(state.CreateTicket(body, SandboxRequestBody.IdempotencyKey(request)));
        });

        api.MapGet("/status", () => SandboxResults.Ok(state.GetStatus()));

        api.MapGet("/app-versions", () => SandboxResults.Ok(SandboxPlatformState.GetAppVersions()));
    }

    private static void MapAdminApi(RouteGroupBuilder admin, SandboxPlatformState state)
    {
        admin.MapPost("/incidents", async (HttpRequest request) =>
            SandboxResults.Created(state.StartIncident(await SandboxRequestBody.ReadAsync<StartIncidentRequest>(request))));

        admin.MapDelete("/incidents/{incidentId}", (string incidentId) => state.EndIncident(incidentId)
            ? Results.NoContent()
            : SandboxResults.Error(System.Net.HttpStatusCode.NotFound, "incident_not_found", $"No ongoing incident {incidentId}."));

        admin.MapDelete("/incidents", () =>
        {
            state.EndAllIncidents();
            return Results.NoContent();
        });

        admin.MapPost("/reset", () =>
        {
            state.Reset();
            return Results.NoContent();
        });

        admin.MapGet("/faults", () => SandboxResults.Ok(state.Faults));

        admin.MapPost("/faults", async (HttpRequest request) =>
            SandboxResults.Created(state.AddFault(await SandboxRequestBody.ReadAsync<AddFaultRequest>(request))));

        admin.MapDelete("/faults/{faultId}", (string faultId) => state.RemoveFault(faultId)
            ? Results.NoContent()
            : SandboxResults.Error(System.Net.HttpStatusCode.NotFound, "fault_not_found", $"No active fault {faultId}."));

        admin.MapDelete("/faults", () =>
        {
            state.ClearFaults();
            return Results.NoContent();
        });

        admin.MapGet("/tickets", () => SandboxResults.Ok(state.Tickets));

        admin.MapGet("/merchant-messages", () => SandboxResults.Ok(state.MerchantMessages));

        admin.MapPut("/orders/{orderNumber}", async (string orderNumber, HttpRequest request) =>
            SandboxResults.Ok(state.OverrideOrder(orderNumber, await SandboxRequestBody.ReadAsync<OrderOverride>(request))));

        admin.MapGet("/order-actions", () => SandboxResults.Ok(state.OrderActions));
    }
}
