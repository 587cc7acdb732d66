using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HelpBot.Dialogs.Orders;

/// <summary>
/// The flow whose phone check just failed (its dialog id and options, the order number set), so that the digits typed
/// next ("输错了，应该是9000", "sorry, 8000") run it again for the same order instead of starting something new.
/// </summary>
public sealed record PhoneCheckRetry(
    [property: JsonProperty("dialog")] string DialogId,
    [property: JsonProperty("options")] JToken? Options);
