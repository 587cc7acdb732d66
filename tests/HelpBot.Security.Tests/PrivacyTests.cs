using System.Text.RegularExpressions;
using HelpBot.Bot;
using HelpBot.Dialogs.Resources;
using Microsoft.Extensions.Logging;

namespace HelpBot.Security.Tests;

public sealed partial class PrivacyTests
{
    [Fact]
    public async Task No_full_mobile_number_reaches_the_logs_in_a_conversation_with_phone_numbers_and_the_phone_check()
    {
        await using var host = await BotHost.StartAsync(minimumLevel: LogLevel.Trace);
        var conversation = Guid.NewGuid().ToString("N");

        await host.SayAsync(conversation, "my phone is 13800138000, check my order");
        var asked = await host.SayAsync(conversation, "2611240000000008");
        Assert.Contains(BotHost.Text(nameof(Strings.Verify_AskPhoneDigits)), asked);
        await host.SayAsync(conversation, "139 0013 9000");
        var failed = await host.SayAsync(conversation, "1234");
        Assert.Contains(failed, r => r.StartsWith(BotHost.Fragment(nameof(Strings.Verify_NoMatch)), StringComparison.Ordinal));

        // A channel that uses the phone number as the sender id (SMS), flooding until the rate limit logs the sender.
        var sms = BotHost.Message("sms-" + conversation, "help", userId: "+8613700137000");
        sms["channelId"] = "sms";
        for (var i = 0; i < 25; i++)
        {
            await host.SendAsync(sms);
        }

        var logs = host.Logs.AllText;
        Assert.Contains("Rate limit reached", logs, StringComparison.Ordinal);
        var leaks = MobileNumber().Matches(logs).Select(m => m.Value).Distinct().ToList();
        Assert.True(leaks.Count == 0, "Full mobile numbers in the logs: " + string.Join(", ", leaks));
        Assert.DoesNotContain("13800138000", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("13700137000", logs, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("call 13800138000 please", "call 138****8000 please")]
    [InlineData("手机号：13900139000。", "手机号：139****9000。")]
    [InlineData("+86 138-0013-8000", "138****8000")]
    [InlineData("008613800138000", "138****8000")]
    [InlineData("138 0013 8000", "138****8000")]
    [InlineData("+44 20 7946 0958", "442*****0958")]
    [InlineData("order 2611240000000002 stays", "order 2611240000000002 stays")]
    [InlineData("12345678901 is not a mobile", "12345678901 is not a mobile")]
    [InlineData("", "")]
    public void Phone_numbers_are_masked(string text, string expected) =>
        Assert.Equal(expected, SensitiveData.MaskPhoneNumbers(text));

    [Fact]
    public void Redacted_exceptions_keep_type_and_stack_but_not_the_number()
    {
        Exception original;
        try
        {
            throw new InvalidOperationException("Could not parse '13800138000'", new FormatException("13900139000"));
        }
        catch (InvalidOperationException ex)
        {
            original = ex;
        }

        var redacted = SensitiveData.Redact(original).ToString();

        Assert.Contains(nameof(InvalidOperationException), redacted, StringComparison.Ordinal);
        Assert.Contains(nameof(Redacted_exceptions_keep_type_and_stack_but_not_the_number), redacted, StringComparison.Ordinal);
        Assert.Contains("138****8000", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("13800138000", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("13900139000", redacted, StringComparison.Ordinal);
    }

    // A mobile number as it appears in text: not a run of digits inside a longer token such as a hex trace or span id
    // in the log scopes, which by chance can hold eleven digits that look like one. (The numbers this test sends are
    // also checked by name below.)
    [GeneratedRegex(@"(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])")]
    private static partial Regex MobileNumber();
}
