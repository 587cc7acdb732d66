using System.Net;
using System.Net.Http.Json;
using HelpBot.Platform.Errors;
using HelpBot.Platform.Models;
using HelpBot.Platform.Sandbox.State;
using HelpBot.Platform.Tests.Infrastructure;

namespace HelpBot.Platform.Tests;

/// <summary>The accounts API (SMS one-time codes) through the Refit client, and the sandbox SMS outbox over HTTP.</summary>
public sealed class AccountVerificationTests
{
    private static readonly VerificationCodeRequest DemoPhone = new(SandboxSeed.DemoUserPhone);

    private static async Task<string> TextedCodeAsync(SandboxHarness sandbox, string phone)
    {
        var texts = await sandbox.Raw.GetFromJsonAsync<List<SandboxSms>>($"/sandbox/sms?phone={phone}", PlatformJson.Options);
        return texts!.Last().Code;
    }

    [Fact]
    public async Task The_code_texted_to_a_registered_phone_verifies_once_and_names_its_user()
    {
        await using var sandbox = await SandboxHarness.StartAsync(sandboxTime: TestClock.Create());

        var sent = await sandbox.Accounts.RequestVerificationCodeAsync(DemoPhone, CancellationToken.None);
        var code = await TextedCodeAsync(sandbox, SandboxSeed.DemoUserPhone);
        var account = await sandbox.Accounts.VerifyCodeAsync(sent.RequestId, new VerifyCodeRequest(code), CancellationToken.None);
        var again = await Assert.ThrowsAsync<PlatformApiException>(() =>
            sandbox.Accounts.VerifyCodeAsync(sent.RequestId, new VerifyCodeRequest(code), CancellationToken.None));

        Assert.Equal(TestClock.Start + TimeSpan.FromMinutes(10), sent.ExpiresAt);
        Assert.Matches("^[0-9]{6}$", code);
        Assert.Equal(SandboxSeed.DemoUserId, account.UserId);
        Assert.Equal(AccountErrorCodes.InvalidCode, again.Code);
    }

    [Fact]
    public async Task The_raw_request_answers_202_and_the_outbox_text_carries_the_code()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        using var response = await sandbox.Raw.PostAsJsonAsync("/api/v1/accounts/verification-codes", new { phone = SandboxSeed.DemoUserPhone });
        var texts = sandbox.Server.State.Accounts.Outbox(SandboxSeed.DemoUserPhone);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var sms = Assert.Single(texts);
        Assert.Contains(sms.Code, sms.Text, StringComparison.Ordinal);
        Assert.Empty(sandbox.Server.State.Accounts.Outbox(SandboxSeed.OtherUserPhone));
    }

    [Fact]
    public async Task Three_wrong_codes_use_up_the_request_so_even_the_right_code_then_fails()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var sent = await sandbox.Accounts.RequestVerificationCodeAsync(DemoPhone, CancellationToken.None);
        var code = await TextedCodeAsync(sandbox, SandboxSeed.DemoUserPhone);
        var wrong = code == "000000" ? "111111" : "000000";

        for (var i = 0; i < AccountErrorCodes.MaxVerifyAttempts; i++)
        {
            var error = await Assert.ThrowsAsync<PlatformApiException>(() =>
                sandbox.Accounts.VerifyCodeAsync(sent.RequestId, new VerifyCodeRequest(wrong), CancellationToken.None));
            Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
            Assert.Equal(AccountErrorCodes.InvalidCode, error.Code);
        }

        var right = await Assert.ThrowsAsync<PlatformApiException>(() =>
            sandbox.Accounts.VerifyCodeAsync(sent.RequestId, new VerifyCodeRequest(code), CancellationToken.None));
        Assert.Equal(AccountErrorCodes.InvalidCode, right.Code);
    }

    [Fact]
    public async Task An_expired_code_fails_like_a_wrong_one()
    {
        var clock = TestClock.Create();
        await using var sandbox = await SandboxHarness.StartAsync(sandboxTime: clock);
        var sent = await sandbox.Accounts.RequestVerificationCodeAsync(DemoPhone, CancellationToken.None);
        var code = await TextedCodeAsync(sandbox, SandboxSeed.DemoUserPhone);

        clock.Advance(SandboxAccountVerification.CodeLifetime);
        var error = await Assert.ThrowsAsync<PlatformApiException>(() =>
            sandbox.Accounts.VerifyCodeAsync(sent.RequestId, new VerifyCodeRequest(code), CancellationToken.None));

        Assert.Equal(AccountErrorCodes.InvalidCode, error.Code);
    }

    [Fact]
    public async Task An_unknown_phone_gets_a_request_id_but_no_text_and_its_check_fails_like_a_wrong_code()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        const string unknownPhone = "13700137000";

        var sent = await sandbox.Accounts.RequestVerificationCodeAsync(new VerificationCodeRequest(unknownPhone), CancellationToken.None);
        var error = await Assert.ThrowsAsync<PlatformApiException>(() =>
            sandbox.Accounts.VerifyCodeAsync(sent.RequestId, new VerifyCodeRequest("123456"), CancellationToken.None));
        var unknownRequest = await Assert.ThrowsAsync<PlatformApiException>(() =>
            sandbox.Accounts.VerifyCodeAsync("VCnosuchrequest", new VerifyCodeRequest("123456"), CancellationToken.None));

        Assert.False(string.IsNullOrEmpty(sent.RequestId));
        Assert.Empty(sandbox.Server.State.Accounts.Outbox(unknownPhone));
        Assert.Equal((HttpStatusCode.BadRequest, AccountErrorCodes.InvalidCode), (error.StatusCode, error.Code));
        Assert.Equal((HttpStatusCode.BadRequest, AccountErrorCodes.InvalidCode), (unknownRequest.StatusCode, unknownRequest.Code));
    }

    [Theory]
    [InlineData("/api/v1/accounts/verification-codes", """{"phone":"12345"}""")]
    [InlineData("/api/v1/accounts/verification-codes", """{"phone":"23800138000"}""")]
    [InlineData("/api/v1/accounts/verification-codes", """{}""")]
    [InlineData("/api/v1/accounts/verification-codes", """not json""")]
    [InlineData("/api/v1/accounts/verification-codes/VC1/verify", """{"code":"12ab56"}""")]
    [InlineData("/api/v1/accounts/verification-codes/VC1/verify", """{"code":null}""")]
    public async Task Malformed_input_is_a_400_invalid_request_with_a_message(string path, string json)
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        using var response = await sandbox.Raw.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var body = await ErrorBody.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(PlatformErrorCodes.InvalidRequest, body.Code);
    }

    [Fact]
    public async Task The_sms_outbox_rejects_a_malformed_phone_filter_and_lists_every_text_without_one()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        await sandbox.Accounts.RequestVerificationCodeAsync(DemoPhone, CancellationToken.None);
        await sandbox.Accounts.RequestVerificationCodeAsync(new VerificationCodeRequest(SandboxSeed.OtherUserPhone), CancellationToken.None);

        using var bad = await sandbox.Raw.GetAsync("/sandbox/sms?phone=abc");
        var all = await sandbox.Raw.GetFromJsonAsync<List<SandboxSms>>("/sandbox/sms", PlatformJson.Options);
        using var reset = await sandbox.Raw.PostAsync("/sandbox/reset", null);
        var afterReset = await sandbox.Raw.GetFromJsonAsync<List<SandboxSms>>("/sandbox/sms", PlatformJson.Options);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(PlatformErrorCodes.InvalidRequest, (await ErrorBody.ReadAsync(bad)).Code);
        Assert.Equal([SandboxSeed.DemoUserPhone, SandboxSeed.OtherUserPhone], all!.Select(sms => sms.Phone));
        Assert.Empty(afterReset!);
    }
}
