using HelpBot.Dialogs.Accounts;
using HelpBot.Dialogs.Engine;
using HelpBot.Language;
using Microsoft.Extensions.DependencyInjection;

namespace HelpBot.Dialogs.Conversation;

/// <summary>The root dialog and main menu, intent recognition, and the interruptions.</summary>
public static class ConversationRegistration
{
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddHelpBotLanguage();
        services.AddSingleton<LanguageIntentRecognizer>();
        services.AddSingleton<ITurnIntentRecognizer, TurnUnderstanding>();
        services.AddSingleton<Dialog, RootDialog>();
        // In order of precedence: the runner asks them one after another and the first that handles the turn wins.
        // Commands, account links, small talk ("are you a real person?" is a question, not a request for one), a person,
        // then a hint for an answer the waiting question could not read.
        services.AddSingleton<IDialogInterruption, GlobalCommands>();
        services.AddSingleton<IDialogInterruption, AccountLinkCommands>();
        services.AddSingleton<IDialogInterruption, SmallTalk>();
        services.AddSingleton<IDialogInterruption, HumanAgentInterruption>();
        services.AddSingleton<IDialogInterruption, UnansweredQuestion>();
        return services;
    }
}
