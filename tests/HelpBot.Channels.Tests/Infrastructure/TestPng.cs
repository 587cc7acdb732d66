namespace HelpBot.Channels.Tests.Infrastructure;

/// <summary>A valid 1x1 PNG.</summary>
public static class TestPng
{
    public static readonly byte[] Bytes = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
}
