namespace HelpBot.Language.Answers;

/// <summary>What a message asks of the customer's account link.</summary>
public enum AccountRequest
{
    None,
    Link,
    Unlink,
}

/// <summary>
/// Reads a request to link or unlink the customer's platform account in a sentence ("帮我把账号关联一下", "how do I link
/// my account", "please unlink my phone", "remove the link to my account"), with the phrases in
/// <see cref="Vocabulary.UnlinkAccount"/> and <see cref="Vocabulary.LinkAccount"/>. Unlinking is read first: its phrases
/// hold the linking ones ("取消关联"). "先不关联了" is a stop, not a request.
/// </summary>
public static class AccountRequests
{
    private static readonly string[] Unlink = [.. Vocabulary.UnlinkAccount.Select(AnswerReader.Normalize)];
    private static readonly string[] Link = [.. Vocabulary.LinkAccount.Select(AnswerReader.Normalize)];

    public static AccountRequest Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Count(char.IsAsciiDigit) >= 4)
        {
            return AccountRequest.None;
        }

        if (AnswerReader.ContainsAny(text, Unlink))
        {
            return AccountRequest.Unlink;
        }

        return AnswerReader.ContainsAny(text, Link) && AnswerReader.Read(text).Command == ConversationCommand.None
            ? AccountRequest.Link
            : AccountRequest.None;
    }
}
