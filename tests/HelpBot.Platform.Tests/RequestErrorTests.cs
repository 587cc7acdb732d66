using System.Net;
using System.Text;
using HelpBot.Platform.Errors;
using HelpBot.Platform.Sandbox.State;
using HelpBot.Platform.Tests.Infrastructure;

namespace HelpBot.Platform.Tests;

/// <summary>Unknown things and bad input: typed exceptions through the clients, clear 4xx JSON bodies over raw HTTP.</summary>
public sealed class RequestErrorTests
{
    [Fact]
    public async Task Unknown_orders_are_order_not_found()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var error = await Assert.ThrowsAsync<PlatformApiException>(() =>
            sandbox.Orders.GetOrderAsync("2611249999999999", CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(PlatformErrorCodes.OrderNotFound, error.Code);
        Assert.Contains("2611249999999999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_users_are_user_not_found()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var error = await Assert.ThrowsAsync<PlatformApiException>(() =>
            sandbox.Orders.GetRecentOrdersAsync("nobody", 5, CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(PlatformErrorCodes.UserNotFound, error.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public async Task A_limit_out_of_range_is_invalid(int limit)
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var error = await Assert.ThrowsAsync<PlatformApiException>(() =>
            sandbox.Orders.GetRecentOrdersAsync(SandboxSeed.DemoUserId, limit, CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(PlatformErrorCodes.InvalidRequest, error.Code);
        Assert.Contains("limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_limit_that_is_no_number_is_invalid()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        using var response = await sandbox.Raw.GetAsync("/api/v1/users/demo-user/orders?limit=ten");
        var body = await ErrorBody.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(PlatformErrorCodes.InvalidRequest, body.Code);
        Assert.Contains("limit", body.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/orders/2611240000000002/cancel", "{\"requestedBy\": \"helpbot\", ", "JSON")]
    [InlineData("/api/v1/orders/2611240000000002/cancel", "{\"requestedBy\": \"helpbot\"}", "reason")]
    [InlineData("/api/v1/orders/2611240000000002/cancel", "{\"requestedBy\": null, \"reason\": \"x\"}", "requestedBy")]
    [InlineData("/api/v1/orders/2611240000000002/cancel", "null", "null")]
    [InlineData("/api/v1/orders/2611240000000002/cancel", "", "body")]
    [InlineData("/api/v1/orders/2611240000000002/delivery-changes", "{\"requestedBy\": \"helpbot\", \"scheduledFor\": \"tomorrow\"}", "scheduledFor")]
    [InlineData("/api/v1/orders/2611240000000002/delivery-changes", "[1, 2]", "JSON")]
    [InlineData("/api/v1/merchant-backend/orders/2611240000000002/messages", "{\"text\": 42}", "text")]
    [InlineData("/api/v1/support/tickets", "{\"userId\": \"demo-user\", \"category\": \"payment\"}", "summary")]
    [InlineData("/sandbox/incidents", "{\"component\": ", "JSON")]
    [InlineData("/sandbox/faults", "{\"statusCode\": \"five hundred\"}", "statusCode")]
    public async Task Malformed_or_incomplete_bodies_are_a_400_with_a_clear_message(string path, string json, string mentioned)
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", "raw-1");

        using var response = await sandbox.Raw.SendAsync(request);
        var body = await ErrorBody.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(PlatformErrorCodes.InvalidRequest, body.Code);
        Assert.Contains(mentioned, body.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unknown_routes_answer_404_in_the_platform_format()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        using var response = await sandbox.Raw.GetAsync("/api/v1/no-such-thing");
        var body = await ErrorBody.ReadAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(PlatformErrorCodes.NotFound, body.Code);
    }

    [Fact]
    public async Task With_an_api_key_configured_the_sandbox_requires_the_bearer_token()
    {
        await using var withoutKey = await SandboxHarness.StartAsync(sandboxApiKey: "s3cret");
        await using var withKey = await SandboxHarness.StartAsync(options => options.ApiKey = "s3cret", sandboxApiKey: "s3cret");

        // A refused key is the bot's configuration, not this request: callers apologise as for an outage.
        var error = await Assert.ThrowsAsync<PlatformUnavailableException>(() => withoutKey.Status.GetStatusAsync(CancellationToken.None));
        var status = await withKey.Status.GetStatusAsync(CancellationToken.None);

        Assert.Contains("401 (" + PlatformErrorCodes.Unauthorized + ")", error.Message, StringComparison.Ordinal);
        Assert.Empty(status.Incidents);
    }
}
