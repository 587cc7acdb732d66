using System.Globalization;

namespace HelpBot.Dialogs.Engine;

/// <summary>Matches an answer to one of the offered choices: by value, title or synonym, or by its number in the list ("2", "第2个").</summary>
public static class ChoiceRecognizer
{
    public static FoundChoice? Recognize(string? text, IReadOnlyList<Choice> choices)
    {
        var answer = TextInput.NormalizeAnswer(text);
        if (answer.Length == 0)
        {
            return null;
        }

        for (var i = 0; i < choices.Count; i++)
        {
            var choice = choices[i];
            if (Matches(answer, choice.Value) || Matches(answer, choice.Title) || (choice.Synonyms?.Any(s => Matches(answer, s)) ?? false))
            {
                return new FoundChoice(choice.Value, i);
            }
        }

        var ordinal = answer.TrimStart('#', '第').TrimEnd('个', '项', '号');
        if (int.TryParse(ordinal, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= choices.Count)
        {
            return new FoundChoice(choices[number - 1].Value, number - 1);
        }

        return null;
    }

    private static bool Matches(string answer, string? candidate) =>
        candidate is not null && string.Equals(answer, TextInput.NormalizeAnswer(candidate), StringComparison.Ordinal);
}
