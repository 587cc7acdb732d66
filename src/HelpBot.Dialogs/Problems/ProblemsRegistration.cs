using HelpBot.Dialogs.Conversation;
using HelpBot.Dialogs.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace HelpBot.Dialogs.Problems;

/// <summary>What the problem flows share: the self-checks, the prompt that offers actions, and the platform's incidents.</summary>
public static class ProblemsRegistration
{
    public static IServiceCollection AddProblems(this IServiceCollection services)
    {
        services.AddSingleton<Dialog, SelfCheckDialog>();
        foreach (var prompt in SelfCheckDialog.AnswerPrompts())
        {
            services.AddSingleton(prompt);
        }

        services.AddSingleton<Dialog>(new ChoicePrompt(FlowActions.PromptId, readAnswer: NaturalAnswers.Action));
        services.AddSingleton<PlatformIncidents>();
        return services;
    }
}
