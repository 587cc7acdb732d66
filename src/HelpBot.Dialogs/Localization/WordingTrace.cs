namespace HelpBot.Dialogs.Localization;

/// <summary>One wording read for a reply: its resource key and the culture it was read in.</summary>
public readonly record struct WordingUse(string Key, string Culture);

/// <summary>
/// Which wording (resource keys) the code read while a trace was open on the current async flow. Tests that judge a
/// conversation by its meaning (tests/stories) open one around a turn; nothing opens one in production, where the only
/// cost is reading an empty <see cref="AsyncLocal{T}"/>. The keys never reach a customer.
/// </summary>
public static class WordingTrace
{
    private static readonly AsyncLocal<List<WordingUse>?> Current = new();

    /// <summary>Starts recording on this async flow (and the flows it starts); dispose the result to stop.</summary>
    public static Recording Start()
    {
        var uses = new List<WordingUse>();
        Current.Value = uses;
        return new Recording(uses);
    }

    internal static void Record(string key, string culture)
    {
        if (Current.Value is { } uses)
        {
            lock (uses)
            {
                uses.Add(new WordingUse(key, culture));
            }
        }
    }

    /// <summary>What was read since <see cref="Start"/>, in order.</summary>
    public sealed class Recording : IDisposable
    {
        private readonly List<WordingUse> _uses;

        internal Recording(List<WordingUse> uses) => _uses = uses;

        public IReadOnlyList<WordingUse> Uses
        {
            get
            {
                lock (_uses)
                {
                    return [.. _uses];
                }
            }
        }

        public void Dispose() => Current.Value = null;
    }
}
