using Microsoft.Extensions.Logging;

namespace HelpBot.Platform.Sandbox;

/// <summary>Hands the sandbox's loggers out of the host's logger factory, so the sandbox can filter what it forwards.</summary>
internal sealed class ForwardingLoggerProvider(ILoggerFactory target) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => target.CreateLogger(categoryName);

    public void Dispose()
    {
        // The host owns the target factory.
    }
}
