using System.Text;

namespace HelpBot.SdkWorkarounds;

/// <summary>
/// What JSON lets through but text handling does not: lone surrogates (a "\ud800" escape) and the noncharacters
/// (U+FFFE, U+FFFF, U+FDD0-U+FDEF and the last two code points of every plane). .NET's Unicode normalisation throws on
/// them, so one in a message used to fail the turn and wipe the conversation.
/// </summary>
public static class UnicodeText
{
    /// <summary>True when <paramref name="text"/> has neither a lone surrogate nor a noncharacter.</summary>
    public static bool IsClean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return !HasLoneSurrogate(text) && !text.EnumerateRunes().Any(IsNoncharacter);
    }

    /// <summary>The text with each lone surrogate and noncharacter replaced by U+FFFD (same length for BMP ones).</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsClean(text))
        {
            return text;
        }

        // EnumerateRunes already yields U+FFFD for a lone surrogate.
        var clean = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            clean.Append(IsNoncharacter(rune) ? Rune.ReplacementChar.ToString() : rune.ToString());
        }

        return clean.ToString();
    }

    /// <summary>True for a control character (NUL, C0, C1), a lone surrogate or a noncharacter: none belongs in an id.</summary>
    public static bool IsUnfitForId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.Any(char.IsControl) || !IsClean(id);
    }

    private static bool IsNoncharacter(Rune rune) =>
        rune.Value is >= 0xFDD0 and <= 0xFDEF || (rune.Value & 0xFFFE) == 0xFFFE;

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
