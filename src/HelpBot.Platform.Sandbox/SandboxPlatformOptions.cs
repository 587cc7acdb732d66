namespace HelpBot.Platform.Sandbox;

/// <summary>Configuration section <c>Platform:Sandbox</c>, used only when the embedded sandbox runs.</summary>
public sealed class SandboxPlatformOptions
{
    public const string SectionName = "Platform:Sandbox";

    /// <summary>Where the sandbox listens. Port 0 picks a free port; <see cref="SandboxPlatformServer.BaseAddress"/> tells which.</summary>
    public string Url { get; set; } = "http://127.0.0.1:0";

    /// <summary>When set, platform routes require <c>Authorization: Bearer {ApiKey}</c>, as the real platform does.</summary>
    public string? ApiKey { get; set; }
}
