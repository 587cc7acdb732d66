namespace HelpBot.Scale.Tests.Infrastructure;

/// <summary>One instance with a Redis of its own that the tests stop, pause and start again.</summary>
public sealed class OneInstanceWithOwnRedis : BotCluster
{
    public OneInstanceWithOwnRedis()
        : base(1)
    {
    }
}
