using HelpBot.Dialogs.Localization;
using HelpBot.Dialogs.Resources;

namespace HelpBot.Scale.Tests.Infrastructure;

/// <summary>The turn error handler's apology, read from the same resources the bot uses.</summary>
public static class Apology
{
    public static string Chinese { get; } = BotText.Get(BotLanguage.ChineseCulture, nameof(Strings.Error_ApologyTryAgain));

    public static string English { get; } = BotText.Get(BotLanguage.EnglishCulture, nameof(Strings.Error_ApologyTryAgain));
}
