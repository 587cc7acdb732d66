using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HelpBot.Dialogs.Orders;

/// <summary>Configuration section <c>HelpBot:PhoneCheck</c>.</summary>
public sealed class PhoneCheckThrottleOptions
{
    public const string SectionName = "HelpBot:PhoneCheck";

    /// <summary>Wrong phone-digit answers one user may give across all conversations within <see cref="Window"/>.</summary>
    public int MaxFailuresPerUser { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>One user's recent wrong phone-digit answers, stored at <see cref="PhoneCheckThrottle.KeyFor"/>.</summary>
public sealed class PhoneCheckFailures : IStoreItem
{
    [JsonProperty("ETag", NullValueHandling = NullValueHandling.Ignore)]
    public string? ETag { get; set; }

    [JsonProperty("failures")]
    public List<DateTimeOffset> Failures { get; set; } = [];
}

/// <summary>
/// Limits the phone-digit check per user across conversations: the per-conversation limit alone lets a stranger open
/// a new conversation and guess again. The counter lives in <see cref="IStorage"/> (Redis in production), so it holds
/// across bot instances and restarts; it is written with an ETag, so concurrent failures are not lost.
/// </summary>
public sealed class PhoneCheckThrottle
{
    private const int WriteAttempts = 3;

    private readonly IStorage _storage;
    private readonly TimeProvider _time;
    private readonly PhoneCheckThrottleOptions _options;
    private readonly ILogger<PhoneCheckThrottle> _logger;

    public PhoneCheckThrottle(IStorage storage, TimeProvider time, IOptions<PhoneCheckThrottleOptions> options, ILogger<PhoneCheckThrottle> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _storage = storage;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Storage key of a user's counter: <c>{channelId}/users/{userId}/phoneCheckFailures</c>.</summary>
    public static string KeyFor(string channelId, string userId) => $"{channelId}/users/{userId}/phoneCheckFailures";

    public async Task<bool> IsBlockedAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var record = await ReadAsync(KeyFor(channelId, userId), cancellationToken);
        return Recent(record).Count >= _options.MaxFailuresPerUser;
    }

    public async Task RecordFailureAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var key = KeyFor(channelId, userId);
        for (var attempt = 1; ; attempt++)
        {
            var record = await ReadAsync(key, cancellationToken);
            record.Failures = [.. Recent(record), _time.GetUtcNow()];
            try
            {
                await _storage.WriteAsync(new Dictionary<string, object> { [key] = record }, cancellationToken);
                return;
            }
            catch (Exception ex) when (attempt < WriteAttempts && ex is not OperationCanceledException)
            {
                // Most likely an ETag conflict with another failure recorded at the same moment: read again and add ours.
                _logger.LogDebug(ex, "Recording a phone-check failure conflicted; trying again");
            }
        }
    }

    private List<DateTimeOffset> Recent(PhoneCheckFailures record)
    {
        var since = _time.GetUtcNow() - _options.Window;
        return [.. record.Failures.Where(at => at > since)];
    }

    // A new record carries no ETag: it is written only if no other instance created one meanwhile. Storage that keeps
    // no type names (Redis here) hands back JSON, as for the conversation state.
    private async Task<PhoneCheckFailures> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var items = await _storage.ReadAsync([key], cancellationToken);
        if (!items.TryGetValue(key, out var item) || item is null)
        {
            return new PhoneCheckFailures();
        }

        return item switch
        {
            PhoneCheckFailures record => record,
            JObject json => json.ToObject<PhoneCheckFailures>() ?? new PhoneCheckFailures(),
            _ => JObject.FromObject(item).ToObject<PhoneCheckFailures>() ?? new PhoneCheckFailures(),
        };
    }
}
