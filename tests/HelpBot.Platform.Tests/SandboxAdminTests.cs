using System.Net;
using System.Net.Http.Json;
using HelpBot.Platform.Errors;
using HelpBot.Platform.Models;
using HelpBot.Platform.Sandbox.Admin;
using HelpBot.Platform.Tests.Infrastructure;

namespace HelpBot.Platform.Tests;

/// <summary>The sandbox-only <c>/sandbox/</c> routes, driven over HTTP and observed through the platform clients.</summary>
public sealed class SandboxAdminTests
{
    private static async Task<Incident> StartIncidentAsync(SandboxHarness sandbox, object body)
    {
        using var response = await sandbox.Raw.PostAsJsonAsync("/sandbox/incidents", body, PlatformJson.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Incident>(PlatformJson.Options))!;
    }

    [Fact]
    public async Task An_incident_started_with_defaults_shows_on_the_status_page_in_both_languages_until_ended()
    {
        await using var sandbox = await SandboxHarness.StartAsync(sandboxTime: TestClock.Create());

        var incident = await StartIncidentAsync(sandbox, new { component = "payment" });
        var during = await sandbox.Status.GetStatusAsync(CancellationToken.None);
        using var end = await sandbox.Raw.DeleteAsync($"/sandbox/incidents/{incident.Id}");
        var after = await sandbox.Status.GetStatusAsync(CancellationToken.None);

        var shown = Assert.Single(during.Incidents);
        Assert.Equal(incident.Id, shown.Id);
        Assert.Equal(PlatformComponents.Payment, shown.Component);
        Assert.Equal(TestClock.Start, shown.Since);
        Assert.Contains("支付", shown.Messages["zh-CN"], StringComparison.Ordinal);
        Assert.Contains("Payment", shown.Messages["en-US"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, end.StatusCode);
        Assert.Empty(after.Incidents);
    }

    [Fact]
    public async Task Given_messages_replace_the_defaults_per_locale()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        await StartIncidentAsync(sandbox, new StartIncidentRequest("delivery", new Dictionary<string, string> { ["en-US"] = "Riders are delayed by a storm." }));
        var status = await sandbox.Status.GetStatusAsync(CancellationToken.None);

        var incident = Assert.Single(status.Incidents);
        Assert.Equal("Riders are delayed by a storm.", incident.Messages["en-US"]);
        Assert.Contains("配送", incident.Messages["zh-CN"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task All_incidents_can_be_ended_at_once()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        await StartIncidentAsync(sandbox, new { component = "app" });
        await StartIncidentAsync(sandbox, new { component = "ordering" });

        using var end = await sandbox.Raw.DeleteAsync("/sandbox/incidents");
        var status = await sandbox.Status.GetStatusAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.NoContent, end.StatusCode);
        Assert.Empty(status.Incidents);
    }

    [Fact]
    public async Task Bad_incident_requests_are_refused_clearly()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        using var badComponent = await sandbox.Raw.PostAsJsonAsync("/sandbox/incidents", new { component = "kitchen" });
        using var unknownIncident = await sandbox.Raw.DeleteAsync("/sandbox/incidents/INC-nope");

        Assert.Equal(HttpStatusCode.BadRequest, badComponent.StatusCode);
        Assert.Contains("component", (await ErrorBody.ReadAsync(badComponent)).Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownIncident.StatusCode);
        Assert.Equal("incident_not_found", (await ErrorBody.ReadAsync(unknownIncident)).Code);
    }

    [Fact]
    public async Task Reset_restores_the_seed()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        await sandbox.Orders.CancelOrderAsync("2611240000000002", new CancelOrderRequest("helpbot", "test"), "k", CancellationToken.None);
        await sandbox.Support.CreateTicketAsync(new CreateTicketRequest("demo-user", null, "other", "test", null), "k", CancellationToken.None);
        await StartIncidentAsync(sandbox, new { component = "app" });
        await sandbox.AddFaultAsync(new AddFaultRequest("/api/v1/app-versions", null, 500));

        using var reset = await sandbox.Raw.PostAsync("/sandbox/reset", null);
        var order = await sandbox.Orders.GetOrderAsync("2611240000000002", CancellationToken.None);
        var status = await sandbox.Status.GetStatusAsync(CancellationToken.None);
        var versions = await sandbox.AppVersions.GetAppVersionsAsync(CancellationToken.None);
        var tickets = await sandbox.Raw.GetFromJsonAsync<List<SupportTicket>>("/sandbox/tickets", PlatformJson.Options);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(OrderStatus.Preparing, order.Status);
        Assert.Empty(status.Incidents);
        Assert.NotEmpty(versions.Platforms);
        Assert.Empty(tickets!);

        // The idempotency record is gone too: the same key cancels afresh.
        var again = await sandbox.Orders.CancelOrderAsync("2611240000000002", new CancelOrderRequest("helpbot", "test"), "k", CancellationToken.None);
        Assert.Equal(OrderStatus.Cancelled, again.Status);
    }

    [Fact]
    public async Task Faults_can_be_listed_removed_and_cleared()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var slow = await sandbox.AddFaultAsync(new AddFaultRequest(null, 50, null));
        var failing = await sandbox.AddFaultAsync(new AddFaultRequest("/api/v1/status", null, 503));

        var listed = await sandbox.Raw.GetFromJsonAsync<List<SandboxFault>>("/sandbox/faults", PlatformJson.Options);
        using var removed = await sandbox.Raw.DeleteAsync($"/sandbox/faults/{failing.Id}");
        using var removedAgain = await sandbox.Raw.DeleteAsync($"/sandbox/faults/{failing.Id}");
        var status = await sandbox.Status.GetStatusAsync(CancellationToken.None);
        using var cleared = await sandbox.Raw.DeleteAsync("/sandbox/faults");

        Assert.Equal("/api/", slow.PathPrefix);
        Assert.Equal([slow.Id, failing.Id], listed!.Select(fault => fault.Id));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, removedAgain.StatusCode);
        Assert.Empty(status.Incidents);
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Empty(sandbox.Server.State.Faults);
    }

    [Fact]
    public async Task The_most_specific_fault_applies()
    {
        await using var sandbox = await SandboxHarness.StartAsync(options => options.RetryCount = 0);
        var everything = await sandbox.AddFaultAsync(new AddFaultRequest("/api/", null, 500));
        var orders = await sandbox.AddFaultAsync(new AddFaultRequest("/api/v1/orders/", null, 404));

        var error = await Assert.ThrowsAsync<PlatformApiException>(() => sandbox.Orders.GetOrderAsync("2611240000000001", CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(1, await sandbox.FaultHitsAsync(orders.Id));
        Assert.Equal(0, await sandbox.FaultHitsAsync(everything.Id));
    }

    [Theory]
    [InlineData("{}", "delayMs")]
    [InlineData("{\"statusCode\": 200}", "statusCode")]
    [InlineData("{\"delayMs\": -5}", "delayMs")]
    [InlineData("{\"pathPrefix\": \"/sandbox/\", \"statusCode\": 503}", "pathPrefix")]
    public async Task Bad_fault_requests_are_refused_clearly(string json, string mentioned)
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        using var response = await sandbox.Raw.PostAsync("/sandbox/faults", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var body = await ErrorBody.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(PlatformErrorCodes.InvalidRequest, body.Code);
        Assert.Contains(mentioned, body.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_routes_do_not_need_the_platform_api_key()
    {
        await using var sandbox = await SandboxHarness.StartAsync(options => options.ApiKey = "k", sandboxApiKey: "k");

        using var response = await sandbox.Raw.GetAsync("/sandbox/faults");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
