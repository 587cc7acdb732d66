using System.Text.RegularExpressions;
using HelpBot.Language.Model;

namespace HelpBot.Language.Intents;

/// <summary>
/// High-precision keyword rules that win over the classifier: an explicit request for a human ("转人工", "人工客服",
/// "agent pls", "talk to a human"), and a message that is nothing but a greeting (greetings are a small closed set that
/// a character-n-gram model confuses with anything short). Kept deliberately narrow — everything else is the
/// classifier's job. "delivery agent" (the rider) and negated requests ("不用转人工", "no need for an agent") do not fire.
/// </summary>
public static partial class IntentOverrideRules
{
    /// <summary>The intent the message explicitly asks for, or null.</summary>
    public static string? Match(string foldedLowerText)
    {
        ArgumentNullException.ThrowIfNull(foldedLowerText);
        // "是真人还是机器人？", "am I talking to a real person or a robot": a question about the bot, not a request for a person.
        if (NegatedHuman().IsMatch(foldedLowerText) || Answers.AnswerReader.Read(foldedLowerText).Social == Answers.SocialAct.AskIfBot)
        {
            return null;
        }

        if (ChineseHuman().IsMatch(foldedLowerText) || EnglishHuman().IsMatch(foldedLowerText))
        {
            return IntentLabels.HumanAgent;
        }

        return GreetingOnly().IsMatch(foldedLowerText.Trim()) ? IntentLabels.Greeting : null;
    }

    [GeneratedRegex(@"^(?:hi|hii+|hello|helo|hey|heya|hallo|hiya|howdy|yo|sup|greetings|good (?:morning|afternoon|evening|day)|morning|evening|你好|您好|嗨|哈喽|哈啰|在吗|在不在|早上好|下午好|晚上好)(?: there| all| everyone| bot| helpbot|呀|啊)?[\s!.,。！，~～?？👋😊🙂]*$")]
    private static partial Regex GreetingOnly();

    [GeneratedRegex(@"转人工|人工客服|人工服务|找人工|要人工|接人工|人工!|人工！|^人工|真人客服|活人")]
    private static partial Regex ChineseHuman();

    [GeneratedRegex(@"(?<!delivery |courier |rider )\b(?:live |human |real |support |customer service )?agent\b(?! (?:said|says|told|is|was|has|hasn'?t))|\b(?:talk|speak|chat)\s+(?:to|with)\s+(?:a\s+|an\s+|some\s+)?(?:human|person|real person|someone real|agent|representative|rep)\b|\breal person\b|\bhuman please\b|\bhuman pls\b|^human\b")]
    private static partial Regex EnglishHuman();

    [GeneratedRegex(@"不用转人工|不要转人工|不需要人工|别转人工|no need (?:for|of) (?:an? )?(?:agent|human)|don'?t need (?:an? )?(?:agent|human)")]
    private static partial Regex NegatedHuman();
}
