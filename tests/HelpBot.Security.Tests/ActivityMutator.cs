using System.Text;
using System.Text.Json.Nodes;

namespace HelpBot.Security.Tests;

/// <summary>
/// Seeded generator of bad activities: valid activities with fields removed, retyped, filled with random strings and
/// unicode, made huge or deeply nested, plus a few broken at the byte level. Same seed, same sequence.
/// </summary>
public sealed class ActivityMutator
{
    private static readonly string[] Texts =
    [
        "查订单", "check my order", "2611240000000002", "2611240000000008", "1234", "8000", "cancel", "取消", "help", "帮助",
        "支付问题", "APP 打不开", "联系客服", "my payment failed", "where is my rider", "yes", "no", "是", "否", "start over",
    ];

    private static readonly string[] Types = ["message", "message", "message", "conversationUpdate", "typing", "event", "endOfConversation", "messageReaction", "installationUpdate"];

    // The fuzz must not make the bot post replies to a third party: deliveryMode stays expectReplies and serviceUrl
    // stays on loopback unless it is replaced by something the validator refuses.
    private static readonly HashSet<string> Protected = ["deliveryMode"];

    private readonly Random _random;

    public ActivityMutator(int seed) => _random = new Random(seed);

    public string Next(int index)
    {
        var activity = BaseActivity(index);
        var mutations = 1 + _random.Next(3);
        for (var i = 0; i < mutations; i++)
        {
            Mutate(activity);
        }

        var json = activity.ToJsonString();
        return _random.Next(20) == 0 ? BreakBytes(json) : json;
    }

    private JsonObject BaseActivity(int index)
    {
        var type = Pick(Types);
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = $"fuzz-{index}",
            ["timestamp"] = "2026-11-25T08:59:02.000Z",
            ["locale"] = Pick(["zh-CN", "en-US", "fr-FR", ""]),
            ["from"] = new JsonObject { ["id"] = $"fuzz-user-{_random.Next(50)}", ["name"] = "Fuzz" },
            ["recipient"] = new JsonObject { ["id"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = $"fuzz-conv-{_random.Next(200)}" },
            ["channelId"] = Pick(["webchat", "directline", "msteams", "sms"]),
            ["serviceUrl"] = "http://127.0.0.1:1",
            ["deliveryMode"] = "expectReplies",
        };
        if (type == "message")
        {
            activity["text"] = Pick(Texts);
            if (_random.Next(4) == 0)
            {
                activity["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "image/png", ["contentUrl"] = "http://127.0.0.1:1/a.png" });
            }

            if (_random.Next(4) == 0)
            {
                activity["channelData"] = new JsonObject { ["clientInfo"] = new JsonObject { ["appVersion"] = "5.2.0", ["platform"] = "ios" } };
            }
        }
        else if (type == "conversationUpdate")
        {
            activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "someone" }, new JsonObject { ["id"] = "bot" });
        }
        else if (type == "event")
        {
            activity["name"] = "webchat/join";
            activity["value"] = new JsonObject { ["language"] = "zh-CN" };
        }

        return activity;
    }

    private void Mutate(JsonObject activity)
    {
        var (parent, key) = PickSlot(activity);
        if (parent is null || key is null || Protected.Contains(key))
        {
            return;
        }

        switch (_random.Next(7))
        {
            case 0:
                parent.Remove(key);
                break;
            case 1:
                parent[key] = RandomScalarOrContainer();
                break;
            case 2:
                parent[key] = RandomString(_random.Next(1, 64));
                break;
            case 3:
                parent[key] = Huge();
                break;
            case 4:
                parent[key] = Nest(parent[key]?.DeepClone(), _random.Next(1, 60));
                break;
            case 5:
                parent[RandomString(_random.Next(1, 12))] = RandomScalarOrContainer();
                break;
            default:
                parent[key] = null;
                break;
        }
    }

    private (JsonObject? Parent, string? Key) PickSlot(JsonObject root)
    {
        var slots = new List<(JsonObject, string)>();
        Collect(root, slots, depth: 0);
        return slots.Count == 0 ? (null, null) : slots[_random.Next(slots.Count)];
    }

    private static void Collect(JsonObject node, List<(JsonObject, string)> slots, int depth)
    {
        foreach (var (key, value) in node.ToList())
        {
            slots.Add((node, key));
            if (value is JsonObject child && depth < 4)
            {
                Collect(child, slots, depth + 1);
            }
            else if (value is JsonArray array && depth < 4)
            {
                foreach (var item in array.OfType<JsonObject>())
                {
                    Collect(item, slots, depth + 1);
                }
            }
        }
    }

    private JsonNode? RandomScalarOrContainer() => _random.Next(8) switch
    {
        0 => JsonValue.Create(_random.Next(int.MinValue, int.MaxValue)),
        1 => JsonValue.Create(_random.NextDouble() * 1e300),
        2 => JsonValue.Create(_random.Next(2) == 0),
        3 => new JsonArray(JsonValue.Create(1), JsonValue.Create("x"), null),
        4 => new JsonObject { ["id"] = RandomString(5) },
        5 => JsonValue.Create(long.MaxValue),
        6 => new JsonArray(),
        _ => JsonValue.Create(RandomString(_random.Next(0, 20))),
    };

    private JsonNode Huge() => _random.Next(3) switch
    {
        0 => JsonValue.Create(new string('长', _random.Next(2_000, 40_000))),
        1 => JsonValue.Create(RandomString(_random.Next(2_000, 10_000))),
        _ => new JsonArray([.. Enumerable.Range(0, _random.Next(50, 2_000)).Select(i => (JsonNode?)JsonValue.Create(i))]),
    };

    private JsonNode Nest(JsonNode? inner, int depth)
    {
        var node = inner ?? JsonValue.Create(1);
        for (var i = 0; i < depth; i++)
        {
            node = _random.Next(2) == 0 ? new JsonObject { ["n"] = node } : new JsonArray(node);
        }

        return node;
    }

    private string RandomString(int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(_random.Next(10) switch
            {
                0 => (char)_random.Next(0xD800, 0xE000), // a lone surrogate
                1 => (char)_random.Next(0, 0x20), // control characters, NUL included
                2 => (char)_random.Next(0x4E00, 0x9FA5), // 汉字
                3 => "😀🍜"[_random.Next(2)],
                4 => (char)_random.Next(0x202A, 0x202F), // bidi overrides
                5 => "\"\\{}[]<>&'%$"[_random.Next(12)],
                _ => (char)_random.Next(0x20, 0x7F),
            });
        }

        return text.ToString();
    }

    private string BreakBytes(string json) => _random.Next(3) switch
    {
        0 => json[.._random.Next(json.Length)],
        1 => json.Insert(_random.Next(json.Length), Pick(["\u0000", "{", "]", ",", "\"", "\\"])),
        _ => json.Replace(":", ": ,", StringComparison.Ordinal),
    };

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
