using HelpBot.Dialogs.Orders;
using HelpBot.Dialogs.Engine;
using HelpBot.Language.Answers;

namespace HelpBot.Dialogs.Conversation;

/// <summary>
/// Readers the prompts use for answers typed in the customer's own words (see <see cref="AnswerReader"/>): yes or no
/// with reasons, "tried it", an action named in a sentence, a rating. A message that carries an order number, or asks to
/// stop or start over, is never read as an answer: it is a new request or a command.
/// </summary>
public static class NaturalAnswers
{
    public static bool? YesNo(string? text) => AsAnswer(text) is { } reading ? YesNo(reading) : null;

    /// <summary>For "have you tried …?": saying it was tried is yes, whatever came of it ("重启过了没用", "tried, still broken").</summary>
    public static bool? TriedOrYesNo(string? text) =>
        AsAnswer(text) is { } reading ? (reading.SaysTried ? true : YesNo(reading)) : null;

    private static bool? YesNo(AnswerReading reading) => reading.Polarity switch
    {
        Polarity.Yes => true,
        Polarity.No => false,
        // "wifi和4g都试了": what was tried is the answer's yes.
        _ => reading.SaysTried ? true : null,
    };

    /// <summary>The reading of a message that can be an answer: not a stop or start-over, and naming no order.</summary>
    private static AnswerReading? AsAnswer(string? text)
    {
        var reading = AnswerReader.Read(text);
        return reading.Command is ConversationCommand.NeverMind or ConversationCommand.StartOver || OrderNumber.Find(text) is not null
            ? null
            : reading;
    }

    /// <summary>One of the offered actions named in a sentence ("催一下商家吧", "ok i'll wait").</summary>
    public static FoundChoice? Action(string? text, IReadOnlyList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        // "算了直接退掉重新点" names the action: the "算了" in it is not a stop.
        if (OrderNumber.Find(text) is not null)
        {
            return null;
        }

        var action = ActionReader.Read(text, [.. choices.Select(c => c.Value)]);
        return Find(choices, action);
    }

    /// <summary>A typed rating ("5星", "great, 5", "满分") among choices whose values are "1" to "5".</summary>
    public static FoundChoice? Rating(string? text, IReadOnlyList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var rating = RatingReader.Read(text);
        return Find(choices, rating?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static FoundChoice? Find(IReadOnlyList<Choice> choices, string? value)
    {
        if (value is null)
        {
            return null;
        }

        for (var i = 0; i < choices.Count; i++)
        {
            if (choices[i].Value == value)
            {
                return new FoundChoice(value, i);
            }
        }

        return null;
    }
}
