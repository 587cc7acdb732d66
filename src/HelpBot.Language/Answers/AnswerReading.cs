namespace HelpBot.Language.Answers;

/// <summary>Yes or no, as an answer to the question the bot asked (the question's own sense: "do other apps open?").</summary>
public enum Polarity
{
    None,
    Yes,
    No,
}

/// <summary>What the customer asks of the conversation itself, at any step.</summary>
public enum ConversationCommand
{
    None,

    /// <summary>Stop what we are doing ("算了", "forget it", "不改了").</summary>
    NeverMind,

    StartOver,

    /// <summary>How this works / what the bot can do.</summary>
    Help,
}

/// <summary>The social part of a message, which does not answer the question.</summary>
public enum SocialAct
{
    None,
    Thanks,
    Goodbye,
    Greeting,
    Laugh,

    /// <summary>"你是机器人吗", "am I talking to a bot?": an honest answer is owed.</summary>
    AskIfBot,
}

/// <summary>
/// One message read as an answer to an open question: its yes/no sense, a conversation command, the social part, and
/// whether it corrects what was said before. Several can hold at once ("没用 谢谢": no, and thanks); the dialog that
/// asked decides what they mean for its question.
/// </summary>
public sealed record AnswerReading(
    Polarity Polarity,
    ConversationCommand Command,
    SocialAct Social,
    bool IsCorrection,
    bool SaysTried)
{
    public static AnswerReading Nothing { get; } = new(Polarity.None, ConversationCommand.None, SocialAct.None, false, false);

    /// <summary>Nothing but social words ("谢谢拜拜", "哈哈", "ok thanks bye"): no answer, command or request in it.</summary>
    public bool IsOnlySocial { get; init; }

    /// <summary>
    /// How many characters of the message no answer phrase covers (fillers aside): a stop word with little else around it
    /// ("还是不改了吧，就原来的地址") is a command, with a long request around it it is part of that request.
    /// </summary>
    public int OtherCharacters { get; init; }
}
