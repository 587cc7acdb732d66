namespace HelpBot.Browser.Tests;

/// <summary>The host with an Azure Bot registration configured: production mode, no embedded channel, no demo page.</summary>
public sealed class ProductionTestHost() : BrowserTestHost(new Dictionary<string, string?>
{
    ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
    ["MicrosoftAppPassword"] = "not-a-real-secret",
    ["MicrosoftAppType"] = "MultiTenant",
});
