using HelpBot.Language.Answers;
using HelpBot.Dialogs.Conversation;
using HelpBot.Dialogs.Engine;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Turns;
using HelpBot.Language.Text;
using HelpBot.Platform.Apis;
using HelpBot.Platform.Errors;
using HelpBot.Platform.Models;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace HelpBot.Dialogs.Accounts;

/// <summary>
/// Where the code step stands: set when a code was sent and the customer gave a wrong one; null to start with the phone.
/// Only the masked phone is kept in the conversation state.
/// </summary>
public sealed record LinkAccountOptions(string MaskedPhone, string RequestId, int WrongCodes);

/// <summary>
/// Links a channel user that the channel does not vouch for (Teams) to a platform user: asks for the registered mobile
/// number, has the platform text a one-time code to it, and checks the code. On success the link is stored in
/// <see cref="AccountLinkStore"/>, and from the next turn the customer is that platform user (see SupportBot).
/// Every phone gets the same answer until the code check, so the dialog never tells whether a number is registered.
/// </summary>
public sealed class LinkAccountDialog : WaterfallDialog
{
    public const string DialogId = "linkAccount";
    public const string PhonePromptId = "linkAccount.phone";
    public const string CodePromptId = "linkAccount.code";
    private const string MaskedPhoneKey = "maskedPhone";
    private const string RequestIdKey = "requestId";
    private const string WrongCodesKey = "wrongCodes";

    private readonly IAccountsApi _accounts;
    private readonly AccountLinkStore _links;
    private readonly TimeProvider _time;
    private readonly ILogger<LinkAccountDialog> _logger;

    public LinkAccountDialog(IAccountsApi accounts, AccountLinkStore links, TimeProvider time, ILogger<LinkAccountDialog> logger)
        : base(DialogId)
    {
        _accounts = accounts;
        _links = links;
        _time = time;
        _logger = logger;
        AddStep(AskPhoneAsync);
        AddStep(SendCodeAsync);
        AddStep(VerifyAsync);
    }

    public static IEnumerable<Dialog> Prompts()
    {
        yield return new TextPrompt(PhonePromptId, PhoneValidatorAsync);
        yield return new TextPrompt(CodePromptId, CodeValidatorAsync);
    }

    /// <summary>The 11-digit mainland mobile number in what the customer typed (spaces, dashes and +86 allowed), or null.</summary>
    public static string? MobileNumber(string? text)
    {
        // "我的手机号13800138000", "+86 138 0013 8000": the eleven digits in the sentence.
        return DigitAnswerReader.Read(text, 11) is { } digits ? MainlandMobile.FromDigits(digits) : null;
    }

    private static string? SixDigitCode(string? text)
    {
        // "验证码123456", "123456。", "123 456 是验证码".
        return DigitAnswerReader.Read(text, 6);
    }

    private static async Task<bool> PhoneValidatorAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
    {
        if (MobileNumber(prompt.Recognized.Value) is not null)
        {
            return true;
        }

        await prompt.Context.SendActivityAsync(prompt.Context.Turn().Text(nameof(Strings.Link_InvalidPhone)), cancellationToken: cancellationToken);
        return false;
    }

    private static async Task<bool> CodeValidatorAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
    {
        if (SixDigitCode(prompt.Recognized.Value) is not null)
        {
            return true;
        }

        await prompt.Context.SendActivityAsync(prompt.Context.Turn().Text(nameof(Strings.Link_NeedSixDigits)), cancellationToken: cancellationToken);
        return false;
    }

    private static async Task<DialogTurnResult> AskPhoneAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.GetOptions<LinkAccountOptions>() is { } retry)
        {
            // Another try at the code for the same request: no new phone, no new text.
            return await step.NextAsync(retry, cancellationToken);
        }

        var turn = step.Context.Turn();
        return await step.PromptAsync(PhonePromptId, new PromptOptions
        {
            Prompt = MessageFactory.Text(turn.Text(nameof(Strings.Link_AskPhone))),
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> SendCodeAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Context.Turn();
        if (step.Result is LinkAccountOptions retry)
        {
            step.SetValue(MaskedPhoneKey, retry.MaskedPhone);
            step.SetValue(RequestIdKey, retry.RequestId);
            step.SetValue(WrongCodesKey, retry.WrongCodes);
            var left = AccountErrorCodes.MaxVerifyAttempts - retry.WrongCodes;
            return await PromptCodeAsync(step, turn.Format(nameof(Strings.Link_WrongCode), left), cancellationToken);
        }

        if (MobileNumber(step.Result as string) is not { } phone)
        {
            return await GiveUpAsync(step, nameof(Strings.Prompt_GaveUp), cancellationToken);
        }

        VerificationCodeSent sent;
        try
        {
            sent = await _accounts.RequestVerificationCodeAsync(new VerificationCodeRequest(phone), cancellationToken);
        }
        catch (Exception ex) when (ex is PlatformApiException or PlatformUnavailableException)
        {
            _logger.LogWarning(ex, "Requesting an account verification code failed");
            return await GiveUpAsync(step, nameof(Strings.Link_CodeNotSent), cancellationToken);
        }

        var masked = MainlandMobile.Mask(phone);
        step.SetValue(MaskedPhoneKey, masked);
        step.SetValue(RequestIdKey, sent.RequestId);
        step.SetValue(WrongCodesKey, 0);
        return await PromptCodeAsync(step, turn.Format(nameof(Strings.Link_AskCode), masked), cancellationToken);
    }

    private async Task<DialogTurnResult> VerifyAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turn = step.Context.Turn();
        if (SixDigitCode(step.Result as string) is not { } code)
        {
            return await GiveUpAsync(step, nameof(Strings.Prompt_GaveUp), cancellationToken);
        }

        var masked = step.GetValue<string>(MaskedPhoneKey)!;
        var requestId = step.GetValue<string>(RequestIdKey)!;
        VerifiedAccount account;
        try
        {
            account = await _accounts.VerifyCodeAsync(requestId, new VerifyCodeRequest(code), cancellationToken);
        }
        catch (PlatformApiException ex) when (ex.Code == AccountErrorCodes.InvalidCode)
        {
            var wrong = step.GetValue<int>(WrongCodesKey) + 1;
            _logger.LogInformation("Account link: wrong verification code ({WrongCodes} for this request)", wrong);
            if (wrong >= AccountErrorCodes.MaxVerifyAttempts)
            {
                // The platform has used up the request too; a new code needs a new start.
                return await GiveUpAsync(step, nameof(Strings.Link_TooManyWrongCodes), cancellationToken);
            }

            return await step.ReplaceDialogAsync(DialogId, new LinkAccountOptions(masked, requestId, wrong), cancellationToken);
        }
        catch (Exception ex) when (ex is PlatformApiException or PlatformUnavailableException)
        {
            _logger.LogWarning(ex, "Checking an account verification code failed");
            return await GiveUpAsync(step, nameof(Strings.Link_CodeNotSent), cancellationToken);
        }

        var activity = step.Context.Activity;
        await _links.SetAsync(activity.ChannelId, activity.From.Id, account.UserId, masked, _time.GetUtcNow(), cancellationToken);
        _logger.LogInformation("Account linked for a {Channel} user", activity.ChannelId);
        await step.Context.SendActivityAsync(MainMenu.Reply(turn.Format(nameof(Strings.Link_Done), masked), turn), cancellationToken);
        return await step.EndAsync(true, cancellationToken);
    }

    private static Task<DialogTurnResult> PromptCodeAsync(WaterfallStepContext step, string text, CancellationToken cancellationToken) =>
        step.PromptAsync(CodePromptId, new PromptOptions { Prompt = MessageFactory.Text(text) }, cancellationToken);

    private static async Task<DialogTurnResult> GiveUpAsync(WaterfallStepContext step, string key, CancellationToken cancellationToken)
    {
        var turn = step.Context.Turn();
        await step.Context.SendActivityAsync(MainMenu.Reply(turn.Text(key), turn), cancellationToken);
        return await step.EndAsync(false, cancellationToken);
    }
}
