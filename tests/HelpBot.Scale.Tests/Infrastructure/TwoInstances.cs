namespace HelpBot.Scale.Tests.Infrastructure;

/// <summary>Two instances sharing one Redis.</summary>
public sealed class TwoInstances : BotCluster
{
    public TwoInstances()
        : base(2)
    {
    }
}
