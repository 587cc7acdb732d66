using Microsoft.Bot.Builder;

namespace HelpBot.AgentDesk.Transcripts;

/// <summary>
/// Bot Framework's <see cref="TranscriptLoggerMiddleware"/>, one instance per turn. The SDK's middleware keeps its
/// pending activities in one queue per instance, so a single instance on the adapter would mix (and could lose) the
/// activities of concurrent turns. A fresh instance per turn keeps the SDK's behaviour: incoming, sent, updated and
/// deleted activities are all logged and awaited at the end of the turn. Activities without a sender get an empty
/// one first, because the SDK middleware reads <c>From.Properties</c>.
/// </summary>
public sealed class PerTurnTranscriptMiddleware : IMiddleware
{
    private readonly ITranscriptLogger _logger;

    public PerTurnTranscriptMiddleware(ITranscriptLogger logger)
    {
        _logger = logger;
    }

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.Activity.From ??= new Microsoft.Bot.Schema.ChannelAccount();
        return new TranscriptLoggerMiddleware(_logger).OnTurnAsync(turnContext, next, cancellationToken);
    }
}
