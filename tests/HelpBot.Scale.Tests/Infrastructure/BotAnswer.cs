using System.Net;

namespace HelpBot.Scale.Tests.Infrastructure;

/// <summary>What one POST /api/messages answered: status, raw body and the text of each message reply.</summary>
public sealed record BotAnswer(string Instance, HttpStatusCode Status, string Body, IReadOnlyList<string> Texts)
{
    public string Text => string.Join("\n---\n", Texts);

    public override string ToString() => $"{Instance} answered {(int)Status}: {Body}";
}
