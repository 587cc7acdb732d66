namespace HelpBot.AgentDesk.Tests.Infrastructure;

public static class TestImages
{
    /// <summary>A valid 1x1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public static string PngDataUrl => "data:image/png;base64," + Convert.ToBase64String(Png);
}
