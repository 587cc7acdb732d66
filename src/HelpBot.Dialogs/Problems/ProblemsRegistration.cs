using HelpBot.Dialogs.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace HelpBot.Dialogs.Problems;

/// <summary>What the problem flows share: the self-checks and the prompt that offers actions.</summary>
public static class ProblemsRegistration
{
    public static IServiceCollection AddProblems(this IServiceCollection services)
    {
        services.AddSingleton<Dialog, SelfCheckDialog>();
        services.AddSingleton(SelfCheckDialog.AnswerPrompt());
        services.AddSingleton<Dialog>(new ChoicePrompt(FlowActions.PromptId));
        return services;
    }
}
