using System.Net;
using System.Text;
using HelpBot.Channels.DirectLine.Configuration;
using HelpBot.Channels.DirectLine.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpBot.Channels.DirectLine.Delivery;

/// <summary>POSTs activities to the bot's messaging endpoint, as Azure's Direct Line service does.</summary>
public sealed class BotActivityForwarder
{
    /// <summary>Name of the IHttpClientFactory client used to reach the bot.</summary>
    public const string HttpClientName = "HelpBot.DirectLine.Bot";

    private readonly IHttpClientFactory _httpClients;
    private readonly DirectLineChannelUrls _urls;
    private readonly DirectLineOptions _options;
    private readonly ILogger<BotActivityForwarder> _logger;

    public BotActivityForwarder(IHttpClientFactory httpClients, DirectLineChannelUrls urls, IOptions<DirectLineOptions> options, ILogger<BotActivityForwarder> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _httpClients = httpClients;
        _urls = urls;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Delivers one activity; a bot failure becomes a 502 (BotError/BotNotFound) or 504 (BotTimeout).</summary>
    public async Task ForwardAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var endpoint = _urls.BotEndpoint;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.BotTimeout);
        using var content = new StringContent(DirectLineJson.Serialize(activity), Encoding.UTF8, "application/json");
        try
        {
            using var response = await _httpClients.CreateClient(HttpClientName).PostAsync(endpoint, content, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                _logger.LogWarning("The bot at {BotEndpoint} answered {StatusCode} to a {ActivityType} activity", endpoint, (int)response.StatusCode, activity.Type);
                throw new DirectLineException(
                    StatusCodes.Status502BadGateway,
                    response.StatusCode == HttpStatusCode.NotFound ? "BotNotFound" : "BotError",
                    $"The bot answered {(int)response.StatusCode}.");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning("The bot at {BotEndpoint} did not answer within {BotTimeout}", endpoint, _options.BotTimeout);
            throw new DirectLineException(StatusCodes.Status504GatewayTimeout, "BotTimeout", "The bot did not answer in time.");
        }
        catch (HttpRequestException ex)
        {
            _logger.LogWarning(ex, "The bot at {BotEndpoint} could not be reached", endpoint);
            throw new DirectLineException(StatusCodes.Status502BadGateway, "BotNotFound", "The bot could not be reached.");
        }
    }
}
