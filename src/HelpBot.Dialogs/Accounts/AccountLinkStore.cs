using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HelpBot.Dialogs.Accounts;

/// <summary>A channel user linked to a platform user after proving the phone by SMS code; stored at <see cref="AccountLinkStore.KeyFor"/>.</summary>
public sealed class AccountLink : IStoreItem
{
    [JsonProperty("ETag", NullValueHandling = NullValueHandling.Ignore)]
    public string? ETag { get; set; }

    [JsonProperty("userId")]
    public string UserId { get; set; } = string.Empty;

    /// <summary>Only the masked phone (138****8000) is kept: enough to tell the customer which account it is.</summary>
    [JsonProperty("maskedPhone")]
    public string MaskedPhone { get; set; } = string.Empty;

    [JsonProperty("linkedAt")]
    public DateTimeOffset LinkedAt { get; set; }
}

/// <summary>
/// Links between channel users (a Teams user id) and platform users, in <see cref="IStorage"/> (Redis in production), so
/// they hold across conversations, bot instances and restarts. Written with the ETag that was read.
/// </summary>
public sealed class AccountLinkStore
{
    private readonly IStorage _storage;

    public AccountLinkStore(IStorage storage)
    {
        _storage = storage ?? throw new ArgumentNullException(nameof(storage));
    }

    /// <summary>Storage key of a channel user's link: <c>{channelId}/users/{fromId}/link</c>.</summary>
    public static string KeyFor(string channelId, string fromId) => $"{channelId}/users/{fromId}/link";

    public async Task<AccountLink?> GetAsync(string channelId, string fromId, CancellationToken cancellationToken)
    {
        var key = KeyFor(channelId, fromId);
        var items = await _storage.ReadAsync([key], cancellationToken);
        if (!items.TryGetValue(key, out var item) || item is null)
        {
            return null;
        }

        // Storage that keeps no type names (Redis here) hands back JSON.
        var link = item switch
        {
            AccountLink stored => stored,
            JObject json => json.ToObject<AccountLink>(),
            _ => JObject.FromObject(item).ToObject<AccountLink>(),
        };
        return string.IsNullOrEmpty(link?.UserId) ? null : link;
    }

    /// <summary>Links (or re-links) the channel user; a concurrent change of the same link makes this throw, not overwrite.</summary>
    public async Task SetAsync(string channelId, string fromId, string userId, string maskedPhone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var link = await GetAsync(channelId, fromId, cancellationToken) ?? new AccountLink();
        link.UserId = userId;
        link.MaskedPhone = maskedPhone;
        link.LinkedAt = now;
        await _storage.WriteAsync(new Dictionary<string, object> { [KeyFor(channelId, fromId)] = link }, cancellationToken);
    }

    /// <summary>False when there was no link.</summary>
    public async Task<bool> RemoveAsync(string channelId, string fromId, CancellationToken cancellationToken)
    {
        if (await GetAsync(channelId, fromId, cancellationToken) is null)
        {
            return false;
        }

        await _storage.DeleteAsync([KeyFor(channelId, fromId)], cancellationToken);
        return true;
    }
}
